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

## The window's Load tab (the simulator dock)
load-window-tab = Load
load-window-explain = A day of chats through this flow: how many arrive each hour, which scenarios they are, how long agents and contacts take. The day shows what the team goes through: lines, waits, busy agents. The plan is kept in the file's load section.
load-window-add-plan = Add a load plan (30 chats an hour)
load-window-plan = Plan of the day
load-window-start = Start
load-window-rates = Chats per hour
load-window-rates-invalid = Write one number for every hour, or one per hour: 30, 60, 90
load-window-hours = Hours
load-window-hours-help = 0: as many as the rates listed
load-window-handle-time = Mean handle time
load-window-patience = Mean patience
load-window-patience-help = 0: nobody leaves the line
load-window-service-level = Answered within
load-window-seed = Seed
load-window-not-a-number = Write a number (1.5 or 1,5)
load-window-mix = Scenario mix (weights)
load-window-mix-all = Every scenario is drawn, each with weight 1.
load-window-mix-no-scenarios = The flow has no scenarios: every chat runs an empty one.
load-window-mix-reset = Draw every scenario alike
load-window-remove-plan = Remove the load plan
load-window-remove-plan-tooltip = Removes the load section from the file (undo brings it back)
load-window-run = Simulate the day
load-window-run-again = Simulate the day again
load-window-run-tooltip = Runs the whole day on the current flow and team; the day before stays beside it to compare
load-window-running = Simulating the day… { $percent } %
load-window-cancelled = The simulation was stopped.
load-window-cannot-run = The day cannot run:
load-window-day = Day { $number }
load-window-compare = beside day { $number }
load-window-older-than-flow = This day ran on an earlier version of the flow: simulate again to see the latest.
load-window-same-flow = Days { $before } and { $now } ran on the same flow and plan.
load-window-changed = From day { $before } to day { $now }: { $changes }
load-window-more = { $count ->
    [one] , and 1 more change
   *[other] , and { $count } more changes
}
load-window-before-chats = Day { $number }: { $chats } chats arrived, { $to_human } to a human
load-window-chart-hours = Hour by hour
load-window-chart-waits = How long answered chats waited
load-window-chart-agents = Chats per agent
load-window-series-waiting = waiting chats (day { $number })
load-window-series-busy = busy agents (day { $number })
load-window-series-answered = answered chats (day { $number })
load-window-series-chats = chats (day { $number })
load-window-bucket-at-once = at once
load-window-no-agents = The team has no agents.
