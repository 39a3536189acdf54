# fluxo — team texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).
team-team = Team
team-mocked-account-flow-designed-checks = The mocked account this flow is designed for: the checks and the simulator use it.
team-platform-api-base-url = Platform API base URL
team-urls-simulator-answers-get-agents = {"{{"}team.api_base{"}}"} in urls. The simulator answers GET /agents/{"{"}id{"}"} and POST /chats/{"{"}id{"}"}/transfer under it from this team.

## Departments and waiting.
team-departments = Departments
team-queues-filas-where-queue-livechat = Queues (Filas): where Queue and LiveChat nodes send chats.
team-renaming-removing-also-updates-agents = Renaming or removing also updates agents and waiting counts
team-add-department = Add department
team-new-department = New department
team-department-name = Department name
team-give-department-name = Give the department a name
team-another-department-has-name = Another department has this name
team-agents-count = { $n ->
    [one] 1 agent
   *[other] { $n } agents
}
team-waiting-in-each-queue = Waiting in each queue
team-chats-already-waiting-chat-queued = Chats already waiting: a chat queued here gets the next position.
team-not-department-team = Not a department of the team

## Agents.
team-agents = Agents
team-available-online-under-capacity-scenarios = Available = Online and under capacity. Scenarios can override a status.
team-no-agents-yet = No agents yet.
team-add-agent = Add agent
team-name = Name
team-status = Status
team-capacity = Capacity
team-most-chats-once-0-no = Most chats at once; 0 = no limit
team-active-chats = Active chats
team-another-agent-has-id = Another agent has this id
team-online = Online
team-away = Away
team-offline = Offline
team-available-now = Available now
team-not-available-away-offline-capacity = Not available: away, offline or at capacity
team-not-department-team-click-remove = Not a department of the team: click to remove

## Custom fields.
team-custom-fields = Custom fields
team-read-field-kind-agent-holds = Read as {"{{"}contact.custom.KEY{"}}"}. A field of kind Agent holds the id of the contact's account manager.
team-no-custom-fields-yet = No custom fields yet.
team-text = Text
team-number = Number
team-date = Date
team-yes-no = Yes/no
team-key = Key
team-label = Label
team-kind = Kind
team-add-custom-field = Add custom field
team-another-field-has-key = Another field has this key

## Schedules.
team-schedules = Schedules
team-business-hours-expediente-businesshours-nodes = Business hours (Expediente) that BusinessHours nodes check against the simulated clock.
team-add-schedule = Add schedule
team-give-schedule-name = Give the schedule a name
team-another-schedule-has-name = Another schedule has this name
team-schedule-local-time = The schedule's local time
team-utc-offset = UTC offset
team-weekly-hours = Weekly hours
team-no-hours-always-closed = No hours: always closed.
team-write-time-hh-mm-24 = Write a time as HH:MM (24:00 ends the day)
team-add-hours = Add hours
team-write-date-yyyy-mm-dd = Write a date as YYYY-MM-DD
team-no-holidays = No holidays.
team-add-holiday = Add holiday
