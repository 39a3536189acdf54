# fluxo — inspector texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).
inspector-question = Question

## Weekdays, as files write them.
weekday-short-mon = Mon
weekday-short-tue = Tue
weekday-short-wed = Wed
weekday-short-thu = Thu
weekday-short-fri = Fri
weekday-short-sat = Sat
weekday-short-sun = Sun

## Shared with the team editor.
inspector-agent = Agent
inspector-holidays = Holidays
inspector-id = Id
inspector-remove = Remove
inspector-move-up = Move up
inspector-move-down = Move down
inspector-use-letters-digits-without-spaces = Use letters, digits, _ and -, without spaces.
inspector-write-a-whole-number = Write a whole number, like 30

## Flow properties.
inspector-flow = Flow
inspector-select-node-canvas-edit-fields = Select a node on the canvas to edit its fields.
inspector-flow-name = Flow name
inspector-e-g-atendimento-carteirizacao = e.g. Atendimento - carteirização
inspector-names-flow-lists-shared-prefix = Names the flow in lists. A shared prefix groups flows with a similar job.
inspector-description = Description
inspector-internal-never-shown-contact = Internal, never shown to the contact.
inspector-flow-counts = { $nodes ->
    [one] 1 node
   *[other] { $nodes } nodes
} · { $edges ->
    [one] 1 wire
   *[other] { $edges } wires
} · { $scenarios ->
    [one] 1 scenario
   *[other] { $scenarios } scenarios
}
inspector-about-the-whole-flow = About the whole flow

## Header, findings, exits.
inspector-where-every-run-starts-flow = Where every run starts. A flow has exactly one.
inspector-sends-text-optional-quick-reply = Sends a text, with optional quick-reply buttons.
inspector-asks-question-waits-contact-answer = Asks a question and waits for the contact's answer.
inspector-calls-http-api-enviar-requisicao = Calls an HTTP API (Enviar requisição).
inspector-picks-exit-rules-cases = Picks an exit by the rules of its cases.
inspector-sets-flow-variables-contact-custom = Sets flow variables or the contact's custom fields.
inspector-checks-team-business-hours-expediente = Checks the team's business hours (Expediente).
inspector-puts-chat-department-queue-bot = Puts the chat in a department's queue; the bot lets go.
inspector-hands-chat-human-transbordo-goes = Hands the chat to a human (Transbordo), then goes on by how it ended.
inspector-ends-the-run = Ends the run.
inspector-press-enter-rename-wires-scenarios = Press Enter to rename; wires and scenarios follow.
inspector-another-node-already-has-id = Another node already has this id.
inspector-problems-count = { $n ->
    [one] 1 problem
   *[other] { $n } problems
}
inspector-exits = Exits
inspector-not-connected = not connected
inspector-no-exits-run-ends-here = No exits: the run ends here.

## Shared controls.
inspector-not-team-checks-report = Not in the team: the checks report it.
inspector-pick-from-the-team = Pick from the team
inspector-none = (none)
inspector-other-value = Other value…
inspector-give-row-name = Give this row a name
inspector-another-row-already-has-name = Another row already has this name

## Template suggestions: where a name comes from.
inspector-origin-contact = contact
inspector-origin-custom-field = custom field
inspector-origin-chat = chat
inspector-origin-team = team
inspector-origin-clock = clock
inspector-origin-secret = secret
inspector-origin-set-by = { $kind } · { $node }

## Entry.
inspector-channels-served = Channels served
inspector-none-checked-every-channel-served = None checked: every channel is served.
inspector-contact-another-channel-ends-run = A contact on another channel ends the run at once (ChannelNotServed).

## Message.
inspector-what-bot-says-type-insert = What the bot says. Type {"{{"} to insert a variable.
inspector-quick-reply-buttons = Quick-reply buttons
inspector-add-button = Add button
inspector-no-buttons-contact-replies-freely = No buttons: the contact replies freely.

## Ask.
inspector-what-bot-asks-type-insert = What the bot asks. Type {"{{"} to insert a variable.
inspector-save-the-answer-as = Save the answer as
inspector-variable-name-e-g-cpf = variable name, e.g. cpf
inspector-accept = Accept
inspector-any-answer = Any answer
inspector-a-number = A number
inspector-an-e-mail-address = An e-mail address
inspector-cpf-check-digits-verified = A CPF (check digits verified)
inspector-a-phone-number = A phone number
inspector-one-of-the-options = One of the options
inspector-matches-a-regular-expression = Matches a regular expression
inspector-options = Options
inspector-add-option = Add option
inspector-no-options-yet-every-answer = No options yet: every answer is invalid.
inspector-pattern = Pattern
inspector-whole-trimmed-answer-must-match = The whole trimmed answer must match.
inspector-retries = Retries
inspector-times = times
inspector-invalid-answer-asked-again-many = An invalid answer is asked again this many times, then leaves by invalid.
inspector-retry-message = Retry message
inspector-empty-question-sent-again = Empty: the question is sent again.
inspector-timeout = Timeout
inspector-0-wait-ever-silent-contact = 0 = wait for ever. A silent contact leaves by timeout.

## SetVariable.
inspector-variable = Variable
inspector-value = Value
inspector-name = name
inspector-text-or = text or {"{{"}variable{"}}"}
inspector-add-variable = Add variable
inspector-no-variables-yet = No variables yet.
inspector-variables = Variables
inspector-set-order-value-use-ones = Set in order, so a value can use the ones above it. contact.custom.KEY updates the contact's custom field.

## BusinessHours and Queue.
inspector-schedule = Schedule
inspector-leaves-open-closed-simulated-clock = Leaves by open or closed at the simulated clock.
inspector-team-has-no-schedules-yet = The team has no schedules yet: add one in the team editor.
inspector-queue-waiting = { $waiting ->
    [one] 1 chat waits in this queue: this one would be number { $position }.
   *[other] { $waiting } chats wait in this queue: this one would be number { $position }.
}
inspector-queue-bot-lets-go = The bot lets go and the chat waits for an agent of this department.
inspector-queue-department = Queue (department)
inspector-team-has-no-departments-yet = The team has no departments yet: add one in the team editor.
inspector-sent-before-chat-waits-optional = Sent before the chat waits (optional).
inspector-closing-message = Closing message
inspector-sent-when-run-ends-here = Sent when the run ends here (optional).

## Request.
inspector-call = Call
inspector-header = Header
inspector-add-header = Add header
inspector-no-headers = No headers.
inspector-headers = Headers
inspector-usually-empty-get-delete = Usually empty for GET and DELETE.
inspector-body-json = Body (JSON)
inspector-slower-answer-leaves-error = A slower answer leaves by error.
inspector-answer = Answer
inspector-2xx-answer-leaves-ok-any = A 2xx answer leaves by ok; any other status, a time-out or an unmocked call by error. http.status and http.body hold the answer.
inspector-json-path = JSON path
inspector-nothing-saved-answer = Nothing is saved from the answer.
inspector-save-from-the-answer = Save from the answer
inspector-empty-path-saves-whole-body = An empty path saves the whole body.
inspector-method-and-url = Method and URL
inspector-http-method = HTTP method

## Condition.
inspector-first-case-whose-rules-hold = The first case whose rules hold picks its exit; when none holds, the run leaves by else.
inspector-add-case = Add case
inspector-when-no-case-holds = when no case holds
inspector-case-n = Case { $n }
inspector-exit-port = Exit (port)
inspector-all-rules-hold = All rules hold
inspector-any-rule-holds = Any rule holds
inspector-give-exit-name = Give the exit a name
inspector-else-exit-taken-when-no = else is the exit taken when no case holds
inspector-another-case-already-uses-exit = Another case already uses this exit
inspector-press-enter-rename-exit-keep = Press Enter to rename the exit and keep its wire.
inspector-equals = equals
inspector-does-not-equal = does not equal
inspector-contains = contains
inspector-starts-with = starts with
inspector-ends-with = ends with
inspector-greater-than = greater than
inspector-greater-or-equal = greater or equal
inspector-less-than = less than
inspector-less-or-equal = less or equal
inspector-is-empty = is empty
inspector-is-not-empty = is not empty
inspector-matches-regex = matches (regex)
inspector-one-b-c = is one of (a, b, c)
inspector-no-rules-case-never-holds = No rules: this case never holds.
inspector-variable-2 = variable
inspector-value-or = value or {"{{"}variable{"}}"}
inspector-add-rule = Add rule
inspector-operator = Operator
inspector-when-the-case-holds = When the case holds

## LiveChat.
inspector-who-gets-the-chat = Who gets the chat
inspector-department = Department
inspector-also-where-chat-goes-when = Also where the chat goes when the chosen agent is not available.
inspector-waiting = Waiting
inspector-wait-for-an-agent = Wait for an agent
inspector-0-no-limit-nobody-available = 0 = no limit: with nobody available the chat is queued. Otherwise it leaves by timeout.
inspector-contact-inactivity = Contact inactivity
inspector-0-no-limit-silent-contact = 0 = no limit. A silent contact leaves by user_inactivity_timeout.
inspector-agent-s-widget = Agent's widget
inspector-field = Field
inspector-add-field = Add field
inspector-nothing-extra = Nothing extra.
inspector-conversation-info-extra-info = Conversation info (extra_info)
inspector-contact-info-contact-info = Contact info (contact_info)
inspector-when-it-ends = When it ends
inspector-sent-when-agent-contact-closes = Sent when the agent or the contact closes the chat (optional).
inspector-result-variable = Result variable
inspector-holds-handoff-json-live-chat = Holds the handoff as JSON. live_chat.status holds how it ended.
inspector-integration = Integration
inspector-integration-id = Integration id
inspector-skill-id = Skill id
inspector-include-the-message-history = Include the message history
inspector-any-agent-department = Any agent of the department
inspector-a-specific-agent = A specific agent
inspector-agent-contact-field = The agent in a contact field
inspector-random-agent-department = A random agent of the department
inspector-last-agent-who-served-contact = The last agent who served the contact
inspector-next-agent-turn-round-robin = The next agent in turn (round robin)
inspector-route = Route
inspector-gets-chat-when-available-else = Gets the chat when available; else the department.
inspector-team-has-no-agents-yet = The team has no agents yet: add one in the team editor.
inspector-contact-field = Contact field
inspector-carteirizacao-agent-whose-id-custom = Carteirização: the agent whose id is in this custom field, when available; else the department.
inspector-team-has-no-custom-fields = The team has no custom fields yet: add one in the team editor.
inspector-contact-last-agent-when-available = contact.last_agent when available; a contact with none goes to the department.
inspector-round-robin-id-order-over = Round robin in id order over the department's available agents.
inspector-drawn-scenario-seed-run-replayed = Drawn from the scenario's seed, so a run can be replayed.

inspector-runs-another-flow-of-folder = Runs another flow of the folder (Nó de Fluxo), then goes on by done when it ends.
inspector-called-flow = Flow
inspector-called-flow-hint = The called flow's name, or a path relative to this file
inspector-route-unassigned = Nobody in particular (unassigned)
inspector-opens-for-department-any-agent = Opens for the department: any available agent of it may take the chat, unless the team assigns it automatically.
inspector-opens-for-anyone = Opens for anyone, without a department or an agent.
