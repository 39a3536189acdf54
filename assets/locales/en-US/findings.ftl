# fluxo — findings texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).
#
# A finding of code CODE is worded by `finding-CODE`, or by its attribute `.VARIANT` when the
# check gives a variant. A list argument NAME comes joined (`a`, `b` and `c`) with NAME_count
# beside it; a suggestion comes as " (did you mean `x`?)" or nothing; a kind in the language's
# words; a reason (`problem`, `partial`) as the sentence of its own message below.

## How arguments are worded

finding-list-none = none
finding-list-and = { $rest } and { $last }
finding-list-more = { $shown } and { $more } more
finding-suggestion = {" "}(did you mean `{ $name }`?)
finding-kind = { $kind }

## fluxo check

check-summary = fluxo check: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    } in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }

## The graph

finding-missing-entry = the flow has no Entry node: add one (every run starts there) and connect its `next` port
finding-duplicate-entry = a flow has exactly one Entry and `{ $entry }` is it: delete this one, or turn it into another kind of node
finding-duplicate-id = another node above already has the id `{ $id }`: edges and scenarios reach only the first; give this one its own id
finding-invalid-id = the id `{ $id }` may only have letters, digits, `_` and `-`: rename it (for example `{ $example }`)
    .empty = the node has no id: give it one (letters, digits, `_` and `-`)
finding-unknown-node = the port `{ $port }` leads to `{ $to }`, which is not a node of this flow: connect it to an existing node
    .from = an edge leaves `{ $from }`, which is not a node of this flow: delete the edge or fix the name
finding-unknown-port = this { $kind } has no port `{ $port }`: its ports are { $ports }; move the edge to one of them
    .no-ports = { $kind ->
        [Entry] an
        [Ask] an
        [End] an
       *[other] a
    } { $kind } has no output ports, so no edge can leave it by `{ $port }`: delete the edge
finding-port-reused = the port `{ $port }` already leads to `{ $first }`; this second edge to `{ $second }` is never taken: an output port has one edge, so delete one of them
finding-entry-has-input = the port `{ $port }` of `{ $from }` leads into this Entry, which takes no input: to start over, connect it to the node after the Entry
finding-duplicate-port = an earlier case already leaves by `{ $port }`, so this case's edge can never be told apart: give it its own port
    .else = `else` is the port taken when no case holds: name this case differently
finding-unreachable = no path from the Entry `{ $entry }` reaches this node, so it never runs: connect a port to it, or delete it
finding-dangling-port = the port `{ $port }` leads nowhere: a run that leaves by it stops here (DeadEnd); connect it, for example to an End or a Queue
    .entry = the Entry's `next` port leads nowhere, so every run stops at once: connect it to the first step of the flow
finding-loop-without-wait = { $nodes } form a loop with no Ask or LiveChat to wait on: a run can go round it without end (the simulator stops at 10,000 steps); add an Ask to the loop, or make sure a Condition in it leaves after a few rounds
    .self = { $nodes } leads back to itself with no Ask or LiveChat to wait on: a run can go round it without end (the simulator stops at 10,000 steps); add an Ask to the loop, or lead the port elsewhere

## Fields

finding-empty-field =
    .message-text = the message has no text and no buttons: write what the contact should read
    .button = this button has no text: write its label, or remove it
    .prompt = the question is empty: write what to ask the contact
    .save-as = name the variable that keeps the answer (for example `resposta`), so that later nodes can read it
    .options = list the options the contact may choose from
    .option = this option is empty: write it, or remove it
    .regex = write the regular expression the whole answer must match
    .url = write the url to call (for example `{"{{"}team.api_base{"}}"}/agents/{"{{"}contact.custom.gerente_de_contas{"}}"}`)
    .header-name = a header has a value but no name: name it (for example `Authorization`), or remove the row
    .save-name = a saved variable has no name: name it, or remove the row
    .cases = the condition has no case, so every run leaves by `else`: add a case with its rules
    .case-port = name the port this case leaves by (for example `sim`)
    .case-rules = the case has no rules: add a rule (variable, operator, value), or remove the case
    .rule-var = the rule tests no variable: pick the variable to compare
    .set = the node sets nothing: add a variable and its value, or delete the node
    .set-name = a row has a value but no variable name: name it, or remove the row
    .schedule = pick the schedule ("Expediente") whose hours decide open or closed
    .queue = pick the department whose queue the chat waits in
    .department = pick the department the chat goes to (also where it falls back when the chosen agent is not available)
    .route-agent = the route names no agent: pick the agent who gets the chat
    .route-field = the route names no custom field: pick the contact field (of kind Agent) that holds the agent's id
    .row-name = a row has a value but no name: name it, or remove the row
    .subflow = name the flow this node calls: a flow of this file's folder (its `name`), or a path relative to this file
finding-bad-variable-name =
    .read-only = `{ $name }` cannot be set: it is read-only; save into a flow variable (a name without dots), contact.name/phone/email/last_agent or contact.custom.KEY (for example `{ $example }`)
    .read-only-set = `{ $name }` cannot be set: it is read-only; a SetVariable sets a flow variable (a name without dots), contact.name/phone/email/last_agent or contact.custom.KEY
    .unreadable = `{ $name }` can never be read by a template: use only letters, digits, `_` and `-` (for example `{ $example }`)
    .rule-var = `{ $name }` is not a variable name: write the name alone, without braces or blanks (for example `{ $example }`)
finding-bad-regex = the regular expression does not compile: { $problem }{ $at ->
        [0] {""}
       *[other] {" "}(at character { $at })
    }
finding-regex-problem =
    .unclosed-group = unclosed group
    .unopened-group = unopened group
    .unclosed-class = unclosed character class
    .class-range = invalid character class range, the start must be <= the end
    .class-escape = invalid escape sequence found in character class
    .repetition-missing = repetition operator missing expression
    .unclosed-repetition = unclosed counted repetition
    .repetition-range = invalid repetition count range, the start must be <= the end
    .repetition-decimal = repetition quantifier expects a valid decimal
    .escape = unrecognized escape sequence
    .escape-end = incomplete escape sequence, reached end of pattern prematurely
    .escape-hex = invalid hexadecimal escape
    .flag = unrecognized, repeated or dangling flag
    .look-around = look-around, including look-ahead and look-behind, is not supported
    .backreference = backreferences are not supported
    .empty-class = empty character classes are not allowed
    .group-name = invalid capture group name
    .too-big = it is too big once compiled: simplify it
    .other = { $detail }
finding-broken-template = `{ $opener }` here makes no reference (no `{ $close }` after it, or no variable name inside), so the contact gets it as written: write `{ $opener } name { $close }`, or remove it

## Requests

finding-bad-url = the url is not an absolute http(s) URL once its templates hold values (`{ $sample }`): { $problem }
    .team = the team's api base is not an absolute http(s) URL: { $problem } (for example https://api.huggy.app/v3)
    .api-base-empty = the url starts from {"{{"}team.api_base{"}}"}, but the team's api base is empty: set the team's api base (for example https://api.huggy.app/v3)
    .starts-unknown = the url starts with {"{{"}{ $name }{"}}"}, whose value the check cannot know: start it with https://, http:// or {"{{"}team.api_base{"}}"}
    .api-base-bad = the team's api base `{ $base }` is not an absolute http(s) URL, so this url is not either: mend the team's api base
finding-url-problem =
    .empty = it is empty
    .space = it has a space (write %20, or put the text in a template)
    .line-break = it has a line break or a tab
    .control = it has a control character
    .no-scheme = it must start with https:// or http://
    .scheme = `{ $scheme }://` is not http:// or https://
    .character = it has the character `{ $character }`, which a url cannot hold
    .ipv6-unclosed = its IPv6 host has no closing `]`
    .ipv6 = `[{ $address }]` is not an IPv6 address
    .after-host = `{ $after }` after the host is not a port
    .no-host = it has no host (https://HOST/...)
    .host-character = the host `{ $host }` has the character `{ $character }`
    .host-empty-part = the host `{ $host }` has an empty part
    .port = `{ $port }` is not a port number (1 to 65535)
finding-bad-json = the body is not valid JSON (line { $line }, column { $column }: { $problem }): mend it; a template may stand inside a string ("{"{{"}nome{"}}"}") or as a whole value
finding-json-problem =
    .eof-list = EOF while parsing a list
    .eof-object = EOF while parsing an object
    .eof-string = EOF while parsing a string
    .eof-value = EOF while parsing a value
    .expected-colon = expected `:`
    .expected-comma-or-bracket = expected `,` or `]`
    .expected-comma-or-brace = expected `,` or `{"}"}`
    .expected-ident = expected ident
    .expected-value = expected value
    .invalid-escape = invalid escape
    .invalid-number = invalid number
    .number-out-of-range = number out of range
    .invalid-unicode = invalid unicode code point
    .key-not-string = key must be a string
    .trailing-comma = trailing comma
    .trailing-characters = trailing characters
    .too-deep = recursion limit exceeded
    .control-character = control character (\u0000-\u001F) found while parsing a string
    .other = { $detail }
finding-inline-secret = the header `{ $name }` holds a credential written in the flow, which anyone who opens the file can read: write `{ $example }` and give the value in { $variable } or the scenario's secrets
    .query = the url's `{ $name }` parameter holds a credential written in the flow, which anyone who opens the file can read: write `{ $example }` and give the value in { $variable } or the scenario's secrets

## The team

finding-team-lacks =
    .department = the team has no department `{ $name }`{ $suggestion }: { $names_count ->
        [0] the team has no departments yet; add it to the team
       *[other] pick one of { $names }, or add it to the team's departments
    }
    .agent = the team has no agent with the id `{ $name }`{ $suggestion }: { $names_count ->
        [0] the team has no agents yet; add it to the team
       *[other] pick one of { $names }, or add it to the team's agents
    }
    .custom-field = the team has no contact custom field `{ $name }`{ $suggestion }: { $names_count ->
        [0] the team has no custom fields yet; add it to the team
       *[other] pick one of { $names }, or add it to the team's custom fields
    }
    .schedule = the team has no schedule `{ $name }`{ $suggestion }: { $names_count ->
        [0] the team has no schedules yet; add it to the team
       *[other] pick one of { $names }, or add it to the team's schedules
    }
finding-unknown-department = { $problem }
finding-unknown-agent = { $problem }
finding-unknown-schedule = { $problem }
finding-unknown-custom-field = { $problem }
finding-wrong-field-kind = `{ $key }` is a { $field_kind } field, but AgentFromField routes by a field that holds an agent's id: make it of kind Agent in the team, or pick another field
finding-bad-team =
    .department-unnamed = a department has no name: name it, or remove it
    .department-twice = the department `{ $name }` is listed twice: remove one
    .agent-unnamed = an agent has no id: give it the id the platform uses (routes and scenarios name agents by id)
    .agent-twice = two agents have the id `{ $id }`: routes reach only the first; give each its own id
    .agent-department = `{ $id }` works in `{ $department }`, which is not one of the team's departments: add it to the departments, or fix the name
    .field-unnamed = a custom field has no key: give it the key templates read (contact.custom.KEY)
    .field-twice = the custom field `{ $key }` is listed twice: remove one
    .waiting = chats wait in `{ $department }`, which is not one of the team's departments: fix the name, or add the department
finding-bad-schedule =
    .unnamed = the schedule has no name: name it (for example `Expediente`), so that BusinessHours nodes can pick it
    .twice = another schedule above is also named `{ $name }`: BusinessHours nodes reach only the first; give each its own name
    .offset = { $minutes } minutes is not a UTC offset: write minutes from UTC between -720 and 840 (Brasília is -180)
    .no-hours = the schedule has no opening hours, so it is always closed: add the days and hours it is open
    .no-days = these hours apply to no day: pick the days (for example Mon to Fri)
    .open-24 = a day cannot open at 24:00: write 00:00 to open at midnight
    .never-open = it opens and closes at { $time }, so it is never open: for all day write open 00:00 and close 24:00
    .holiday = `{ $date }` is not a date: write YYYY-MM-DD (for example 2026-12-25)
    .time-empty = the time is empty: write HH:MM (for example 08:00)
    .time = `{ $time }` is not a time: write HH:MM from 00:00 to 24:00 (for example 08:00)

## Variables

finding-unknown-variable = no node sets `{ $name }`, so it is always empty: save it with an Ask (save_as), a Request (save), a SetVariable or a LiveChat (result_variable), or fix the name{ $suggestion }
    .http = `{ $name }` holds what a Request got back, and this flow has no Request: add the Request before this node, or remove the reference
    .live-chat = `{ $name }` says how a LiveChat handoff ended, and this flow has no LiveChat: add one before this node, or remove the reference
    .dotted = `{ $name }` is not a variable fluxo knows{ $suggestion }: use a flow variable (no dots), contact.name/phone/email/channel/last_agent, contact.custom.KEY, chat.id/protocol, team.api_base, now.date/time/weekday/hour, http.status/body, live_chat.status or secret.NAME
finding-maybe-unset-variable = `{ $name }` may be empty here: on the path { $route }, nothing sets it{ $partial }; set it on every path that leads here (a SetVariable before the branch can give it a default), or read it only where it is set
    .http = `{ $name }` may be empty here: on the path { $route }, no Request runs before it{ $partial }; set it on every path that leads here (a SetVariable before the branch can give it a default), or read it only where it is set
    .no-path = `{ $name }` may be empty here: some path from the Entry reaches this node without setting it; set it on every path that leads here (a SetVariable before the branch can give it a default), or read it only where it is set
finding-maybe-unset =
    .partial = {" "}(`{ $node }` sets it only when it leaves by { $port })
    .none = {""}

## Scenarios

finding-bad-scenario =
    .unnamed = the scenario has no name: name it (`fluxo test` reports by name and `fluxo run --scenario` picks by name)
    .name-twice = another scenario above is also named `{ $name }`: give each its own name
    .team-lacks = { $problem }
    .clock = `{ $clock }` is not an RFC 3339 time such as 2026-11-23T10:15:00-03:00
    .node = the flow has no node `{ $id }`{ $suggestion }: fix the id (node ids are case-sensitive)
    .position = queue positions start at 1 (the first chat waiting): fix the expected position
    .var-name = `{ $name }` is not a variable name: fix it
    .var-unset = no node of the flow sets `{ $name }`, so the run never has it: fix the name, or expect it of a flow that sets it
    .var-unknown = `{ $name }` is not a variable fluxo knows: fix the name
    .status = { $status } is not an HTTP status: write one from 100 to 599 (200 is OK)
finding-unused-mock = no Request of this flow can call `{ $method } { $url }`, so this mock is never used: fix its method or url (it must match the whole url; `*` stands for any run of characters)
    .any-method = no Request of this flow can call `any method { $url }`, so this mock is never used: fix its method or url (it must match the whole url; `*` stands for any run of characters)
    .no-request = the flow has no Request, so this mock is never used: remove it, or add the Request it answers

## The file

finding-unknown-field = `{ $name }` is not a field fluxo knows ({ $path }): it is ignored and dropped on the next save; check its spelling
    .node = `{ $name }` is not a field of { $kind }: it is ignored and dropped on the next save; check its spelling
