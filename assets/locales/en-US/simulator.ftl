# fluxo — simulator texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).

## The dock, the toolbar and the status line.
sim-chat = Chat
sim-scenario = Scenario
sim-scenarios = Scenarios
sim-reply-as-the-contact = Reply as the contact
sim-no-scenario = (no scenario)
sim-agents-now = Agents now
sim-events = Events
sim-http = HTTP
sim-play = Play
sim-pause = Pause
sim-s-per-step = {" "}s per step
sim-how-long-play-shows-each = How long Play shows each step
sim-breakpoint-on-node = Breakpoint on { $node }
sim-remove-breakpoint-on-node = Remove breakpoint on { $node }
sim-select-node-set-breakpoint = Select a node to set a breakpoint
sim-breakpoints = Breakpoints:
sim-remove-this-breakpoint = Remove this breakpoint
sim-clear-all = Clear all
sim-ready-run-starts-node = Ready: the run starts at { $node }
sim-n-steps-next-node-kind = { $n ->
    [one] 1 step
   *[other] { $n } steps
} · next: { $node } ({ $kind })
sim-paused-breakpoint-node = Paused at the breakpoint on { $node }
sim-waiting-contact-reply-node-type = Waiting for the contact's reply at { $node }: type it below
sim-flow-changed-run-still-shows = The flow changed: this run still shows the old version.
sim-scenario-changed-run-still-uses = The scenario changed: this run still uses the old one.
sim-reset-run-new-version = Reset to run the new version
sim-run-end-first-new-scenario = Run to the end first: the new scenario expects how the run ended
sim-name-recorded = { $name } (recorded)

## The chat.
sim-nothing-said-yet-press-step = Nothing said yet: press Step (F10) or Run (F5).
sim-n-characters-step-events-have = (+{ $n ->
    [one] 1 character
   *[other] { $n } characters
}: the step's events have the whole text)
sim-n-earlier-lines-not-shown = { $n ->
    [one] 1 earlier line not shown
   *[other] { $n } earlier lines not shown
}
sim-step-n-click-see-events = Step { $n }: click to see its events and variables
sim-not-accepted = Not accepted
sim-type-contact-reply-press-enter = Type the contact's reply and press Enter
sim-send = Send
sim-no-reply = No reply
sim-contact-stays-silent-ask-time = The contact stays silent: an Ask with a time-out leaves by timeout

## Events of a step.
sim-invalid = invalid
sim-no-value = no value
sim-no-step-yet = No step yet.
sim-previous-step = Previous step
sim-next-step = Next step
sim-step-n-of-total = Step { $n } of { $total }
sim-no-events-node-only-moves = No events: the node only moves on.
sim-leaves-port-node = Leaves by { $port } to { $node }
sim-leaves-port-no-wire = Leaves by { $port }: no wire

## Variables, HTTP, the team now.
sim-filter-variables = Filter variables
sim-highlighted-set-step = highlighted: set by this step
sim-no-request-yet = No request yet.
sim-request = Request
sim-no-answer = no answer
sim-timed-out = timed out
sim-step = step
sim-team-has-no-agents = The team has no agents.
sim-switch-takes-effect-next-step = A switch takes effect from the next step and stays across Reset; the scenario's own overrides are in the Scenario tab.
sim-status-now = Status now
sim-chats = Chats
sim-no-limit = no limit
sim-status-of = Status of
sim-available = available
sim-not-available = not available
sim-switched = switched
sim-switched-during-session-not-saved = Switched during this session, not saved in the scenario
sim-already-waiting = Already waiting:

## Run all.
sim-running-done-of-total = Running { $done } of { $total }…
sim-runs-every-scenario-flow-file = Runs every scenario of this flow in file order, checks its expectations and shows which nodes and wires no scenario reached.
sim-flow-changed-since-run-run = The flow changed since this run: Run all again to update it.
sim-passed-passed-failed-failed = { $passed } passed, { $failed } failed
sim-n-m-branches-covered = { $n } of { $m ->
    [one] 1 branch
   *[other] { $m } branches
} covered
sim-n-m-nodes-reached = { $n } of { $m ->
    [one] 1 node
   *[other] { $m } nodes
} reached
sim-show-coverage-canvas = Show the coverage on the canvas
sim-open-scenario-run = Open this scenario's run
sim-what-expected-expected-got-got = { $what }: expected { $expected }, got { $got }
sim-not-covered = Not covered
sim-canvas-n-runs-through-node = On the canvas: ✔ N = runs through a node, ✖ 0 = none; red wires: branches no scenario took.
sim-else-no-case-held = else: no case held
sim-nodes-no-scenario-reached = Nodes no scenario reached:
sim-branches-no-scenario-took = Branches no scenario took:

## The scenario list and editor.
sim-no-scenarios-yet-runs-use = No scenarios yet: runs use an empty one.
sim-new-scenario = New scenario
sim-delete-scenario = Delete scenario
sim-undo-brings-it-back = Undo brings it back
sim-scenario-name = Scenario name
sim-scenario-needs-name = A scenario needs a name
sim-another-scenario-has-name = Another scenario has this name
sim-contact = Contact
sim-phone = Phone
sim-email = Email
sim-channel = Channel
sim-whatsapp-default = WhatsApp (default)
sim-last-agent = Last agent
sim-nobody = nobody
sim-team-has-no-custom-field = The team has no custom field with this key
sim-yes-true = yes (true)
sim-no-false = no (false)
sim-write-number-like-42-1 = Write a number, like 42 or 1.5
sim-write-date-yyyy-mm-dd = Write a date as YYYY-MM-DD, like 2026-11-23
sim-agent-statuses = Agent statuses
sim-each-agent-starts-team-status = Each agent starts with the team's status unless the scenario overrides it.
sim-status-in-this-scenario = Status in this scenario
sim-active-chats-capacity-team = Active chats / capacity, from the team
sim-team-default-status = team default ({ $status })
sim-override-for = Override for
sim-team-has-no-agent-id = The team has no agent with this id
sim-clock-and-seed = Clock and seed
sim-run-starts-set-time = The run starts at a set time
sim-otherwise-monday-2026-01-05 = Otherwise Monday 2026-01-05 at 10:00, UTC−03:00
sim-seed = Seed
sim-picks-random-route-agent-same = Picks the Random route's agent: the same seed gives the same run
sim-time = Time
sim-write-time-hh-mm-like = Write a time as HH:MM, like 10:15
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
sim-replies-of-the-contact = Replies of the contact
sim-read-order-each-ask-when = Read in order by each Ask. When they run out the run waits, and you can type the next one in the chat.
sim-reply-kind = Reply kind
sim-what-the-contact-writes = what the contact writes
sim-stays-silent = stays silent
sim-add-reply = Add reply
sim-live-chat-outcomes = Live-chat outcomes
sim-how-each-handoff-agent-takes = How each handoff an agent takes ends, in order; when they run out: the agent closes.
sim-outcome = Outcome
sim-add-outcome = Add outcome
sim-http-mocks = HTTP mocks
sim-tried-order-before-platform-api = Tried in order before the platform API. * in the url matches any text; the body may use {"{{"}variables{"}}"}.
sim-any = Any
sim-method = Method
sim-answers = Answers
sim-times-out = Times out
sim-mock-outcome = Mock outcome
sim-status = status
sim-status-100-599 = A status from 100 to 599
sim-delay = delay
sim-add-mock = Add mock
sim-secrets = Secrets
sim-values-scenario-runs-only-names = {"{{"}secret.NAME{"}}"} values for this scenario's runs. Only the names are saved: the values stay in this window's memory and are never written to a file. FLUXO_SECRET_NAME environment variables win.
sim-another-secret-has-name = Another secret has this name
sim-letters-digits-and-only = Letters, digits and _ only
sim-value-memory-only = value (memory only)
sim-add-secret = Add secret
sim-expectations = Expectations
sim-checked-run-all-fluxo-test = Checked by Run all and fluxo test; "any" is not checked.
sim-any-2 = any
sim-end-reason = End reason
sim-end-node = End node
sim-expected-agent = Expected agent
sim-in-queue = In queue
sim-expected-queue = Expected queue
sim-position = Position
sim-position-1-up-empty-any = A position from 1 up, or empty for any
sim-path-node-ids-order-separated = Path (node ids, in order, separated by commas)
sim-not-flow-list = Not in the flow: { $list }
sim-variables-at-the-end = Variables at the end
sim-variable-name = variable name
sim-expect-a-variable = Expect a variable:
sim-messages-received-order-parts-text = Messages received, in order (parts of the text)
sim-add-message = Add message
