# fluxo — the simulator's events, English (United States): the chat's system lines, one line per
# event of a step, how a run ended. Worded by `src/i18n/events.rs` for the window and the command
# line alike.
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).

## What happened around the chat (the chat's system lines)
event-silence = The contact stays silent
event-silence-timeout = The contact stays silent (time-out after { $seconds } s)
event-handoff-started = Handoff to { $department } — route: { $route }
event-assigned-by-route = Assigned to { $name } — route: { $route }
event-assigned-by-fallback = Assigned to { $name } — the department's rule (the route's agent was not available)
event-assigned-by-platform-api = Assigned to { $name } — transfer through the platform API
event-nobody-available = Nobody of { $department } is available
event-queued = In the { $queue } queue, position { $position }
event-handoff-ended = Handoff ended: { $outcome }

## A route, as the chat names it
event-route-department = department
event-route-agent = a specific agent
event-route-agent-from-field = account manager
event-route-random = random agent
event-route-last-agent = last agent who served
event-route-sequential = round robin

## One line per event of a step
event-message-sent = Message sent: { $text }
event-prompt-sent = Question sent: { $text }
event-retry-sent = Question sent again: { $text }
event-queue-message-sent = Queue message sent: { $text }
event-end-message-sent = Last message sent: { $text }
event-closing-message-sent = Closing message sent: { $text }
event-reply-read = Reply read: “{ $text }”
event-reply-invalid = Reply read: “{ $text }” — invalid
event-reply-invalid-because = Reply read: “{ $text }” — invalid: { $problem }
event-request-sent = Request: { $method } { $url }
event-variable-set = { $name } = { $new } (was { $old })
event-no-value = no value
event-branch-taken = Leaves by { $port }: { $why }
event-clock-advanced = Clock +{ $duration } ({ $why }): now { $now }
event-warning = Warning: { $message }

## Who answered a request, and the answer
event-answered-by-mock = the scenario's mock #{ $number }
event-answered-by-platform-api = the platform API (mocked team)
event-answered-by-nobody = nobody: no mock matched
event-answer-timed-out = Answer: timed out after { $ms } ms ({ $by })
event-answer = Answer: { $status } from { $by } after { $ms } ms
event-no-answer = No answer ({ $by })

## How a run ended
event-end-end = Ended
event-end-queued = Queued
event-end-waiting-reply = Waiting for the contact's reply
event-end-channel-not-served = Channel not served
event-end-dead-end = Dead end
event-end-step-limit = Step limit reached
event-end-error = Error
event-end-in-queue = { $reason } — { $queue }, position { $position }
event-end-at-node = { $reason } — at { $node }

## An agent's status
event-status-online = Online
event-status-away = Away
event-status-offline = Offline

## How a handoff ends
event-outcome-agent-closed = Agent closes (agent_closed)
event-outcome-user-closed = Contact closes (user_closed)
event-outcome-timeout = Nobody answers (timeout)
event-outcome-user-inactivity-timeout = Contact goes quiet (user_inactivity_timeout)

event-chat-opened = Open for { $department } — may take it: { $candidates }
event-chat-opened-anyone = Open for anyone, without a department — may take it: { $candidates }
event-fallback-unavailable = { $agent } is not available ({ $status }, { $chats }/{ $capacity } chats)
event-fallback-not-in-team = the team has no agent `{ $agent }`
event-fallback-empty-field = the contact's field `{ $key }` is empty
event-fallback-no-last-agent = the contact has no last agent
event-subflow-started = Enters the flow “{ $flow }” (called by { $node })
event-subflow-done = The flow “{ $flow }” ended: back to { $node } by done
