# fluxo — load texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).

## fluxo load: messages
load-no-section = { $file } has no load section: give --rate N (chats per hour) to run every scenario at that rate
load-stopped-steps = the day stopped early at { $at }: the chats' bot parts took { $steps } steps (does the flow loop?); the figures cover the day up to then
load-stopped-chats = the day stopped early at { $at }: { $chats } chats arrived, the most a day simulates; the figures cover the day up to then

## fluxo load: the report
load-title = { $flow }: a day from { $start }, { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}, seed { $seed }
load-unnamed-flow = (flow without a name)
load-chats = { $chats ->
    [one] { $chats } chat arrived
   *[other] { $chats } chats arrived
}: { $to_human } to a human, { $bot_only } ended in the bot, { $in_bot } still in the bot at the close
load-plan = Mean handle time { $handle }, patience { $patience }, service level: answered within { $service_level }
load-patience-never = none (nobody leaves the line)
load-departments = Departments
load-no-department = (no department)
load-col-department = department
load-col-offered = offered
load-col-answered = answered
load-col-abandoned = abandoned
load-col-timed-out = timed out
load-col-still-waiting = waiting at close
load-col-service-level = service level
load-col-waited = waited
load-col-mean-wait = mean wait
load-col-p90-wait = p90 wait
load-col-longest-line = longest line
load-agents = Agents
load-col-agent = agent
load-col-handled = chats
load-col-occupancy = occupancy
load-col-in-hand = chats in hand
load-status-away = away all day
load-status-offline = offline all day
load-no-limit = no limit
load-bot-ends = Chats that ended in the bot
load-end-at = { $reason } at { $node }
load-scenarios = Scenarios drawn
load-empty-scenario = (empty scenario)
load-hours = Hour by hour
load-col-hour = hour
load-col-arrivals = arrivals
load-col-to-human = to a human
load-col-waiting = waiting (mean)
load-col-waiting-max = waiting (most)
load-col-busy = busy agents

## Problems of a load section (`fluxo load`; the checks will use them too)
load-problem-unknown-scenario = the mix names `{ $scenario }`, which is not a scenario of this flow: its chats are left out
load-problem-bad-rate = the rate of hour { $hour } is { $rate }: a rate is 0 or more chats per hour
load-problem-hours-beyond-rates = the day lasts { $hours } hours but only { $rates } rates are listed: the hours after them get no chats
load-problem-unused-rates = { $rates } rates are listed but the day lasts { $hours } hours: the rates after them are not used
load-problem-bad-weight = the weight of `{ $scenario }` is { $weight }: a weight is 0 or more
load-problem-nothing-to-draw = no scenario can be drawn: give some scenario of the flow a weight above 0
load-problem-bad-duration = { $field } is { $seconds }: { $field ->
    [handle_time_s] it must be more than 0 seconds
   *[other] it must be 0 or more seconds
}
load-problem-bad-start = `{ $start }` is not an RFC 3339 time such as 2026-11-23T08:00:00-03:00
load-problem-too-many-hours = a day of { $hours } hours is more than the { $max } simulated at most
load-problem-too-many-chats = the rates add up to { $expected } chats, more than the { $max } simulated at most
load-problem-no-arrivals = the day has no chats: every rate is 0
