# fluxo — interop texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).

## fluxo import typebot: the first scenario's name (written into the flow)
interop-scenario-name = First path

## fluxo import typebot: why nothing was imported (exit 2)
interop-error-output-name = { $path }: the output name must end in .ron or .json
interop-error-same-file = { $path }: the output would overwrite the Typebot export: write the flow to another file
interop-error-not-regular = { $path }: { $kind ->
    [folder] this is a folder
    [fifo] this is a named pipe (FIFO)
    [device] this is a device
    [socket] this is a socket
   *[other] this is not a regular file
}, not a Typebot export
interop-error-too-big = { $path }: larger than { $limit_mib } MiB, too large for a Typebot export
interop-error-not-json = { $path }:{ $line }:{ $column }: not JSON: { $error }
interop-error-not-typebot = { $path }: not a Typebot export: { $reason }
interop-not-typebot-not-an-object = the document is not a JSON object
interop-not-typebot-no-groups = it has no `groups` list (a Typebot export has version, events, groups, edges and variables)

## fluxo import typebot: the report
interop-report-imported = Typebot “{ $name }” (version { $version }) imported into { $path }: { $nodes ->
    [one] 1 node
   *[other] { $nodes } nodes
}, { $edges ->
    [one] 1 edge
   *[other] { $edges } edges
}.
interop-report-blocks = Blocks: { $total } in all; { $imported } as they were, { $partial } in part, { $placeholders } as pass-through nodes, { $edges } as edges, { $merged } as the text of a question.
interop-report-not-carried = Not carried over:
interop-report-all-carried = Everything was carried over.
interop-report-item-node = { $node } [{ $group }] { $block_type }: { $message }
interop-report-item-flow = { $node }: { $message }
interop-report-item-block = [{ $group }] { $block_type }: { $message }
interop-report-item-export = export: { $message }
interop-report-variables = Variables: { $list }
interop-report-scenario = First scenario “{ $name }”: { $replies ->
    [one] 1 reply
   *[other] { $replies } replies
}, ends { $end_reason } at { $end_node }.
interop-report-tidy = Tidy up recommended: { $count ->
    [one] 1 pair of nodes overlaps
   *[other] { $count } pairs of nodes overlap
} once the blocks are stacked in their groups.

## What was not carried over: the report's lines and the imported nodes' notes
interop-issue-placeholder = Typebot block “{ $block_type }”: fluxo cannot run it; this node only passes the run on.
interop-issue-placeholder-detail = Typebot block “{ $block_type }” ({ $detail }): fluxo cannot run it; this node only passes the run on.
interop-issue-unknown-block = Typebot block “{ $block_type }”, unknown to fluxo's import: this node only passes the run on.
interop-issue-linked-bot = Link to the Typebot bot { $typebot_id }: calls the flow in { $file } of this folder, from its Entry; import that bot there: fluxo import typebot BOT.json { $file }
interop-issue-chatwoot-widget = Chatwoot “Show widget”: the chat opens for anyone, without department or agent; the flow goes on when the human conversation ends (Typebot went on at once).
interop-issue-computed-value = Typebot computed { $variable } as “{ $value_type }”; fluxo sets { $value } instead.
interop-issue-computed-value-empty = Typebot computed { $variable } as “{ $value_type }”, which fluxo cannot; it is set to empty.
interop-issue-expression = Typebot computed { $variable } with JavaScript ({ $expression }); fluxo sets that text as it is.
interop-issue-code = Typebot ran JavaScript code to set { $variable }; fluxo sets it to empty.
interop-issue-list-operation = “{ $operation }” on the list { $variable }: fluxo has no lists; what the block sets is left empty.
interop-issue-list-operation-append = “{ $operation }” on the list { $variable }: fluxo has no lists; the item is added to the text after a comma.
interop-issue-multiple-choice = Multiple choice: fluxo keeps the contact's reply as it is, and every choice goes on the same way.
interop-issue-dynamic-choice = The buttons came from the list { $variable }: fluxo accepts any reply.
interop-issue-item-condition = Typebot shows { $items } only under a condition; fluxo always offers them.
interop-issue-file-reply = Typebot takes a file or a voice message here; in fluxo the contact's text stands for it.
interop-issue-response-path = The answer's { $path } is computed with JavaScript: { $variable } gets the answer's “{ $saved }” instead.
interop-issue-method = HTTP { $method } is not a method fluxo sends: GET is used.
interop-issue-default-body = Typebot sent every variable as the body; fluxo sends no body: write the body the service needs.
interop-issue-inline-code = Inline JavaScript ({ $code }) is kept as text: fluxo cannot run it.
interop-issue-condition-rule = A comparison “{ $operator }” cannot be written in this case: it was left out.
interop-issue-condition-incomplete = A comparison without a variable or an operator (it never holds in Typebot) was left out.
interop-issue-ab-test = A/B test: Typebot picks a path at random ({ $percent } % to A); fluxo picks it by the last two digits of the chat id, so each scenario takes one path and another seed may take the other.
interop-issue-embed-event = The embed waited for an event from the page; fluxo goes on at once.
interop-issue-missing-target = The flow leads to { $target }, which the export does not have: the run ends here.
interop-issue-event-ignored = The “{ $event }” event was left out: a fluxo run starts only at the Entry.
interop-issue-no-start = The start event leads nowhere: connect the Entry to the first step.
interop-issue-start-empty = { $variables }: no node of this flow sets them (Typebot fills such variables from the link or the page that embeds the bot, or a linked bot sets them); here they start empty: give them values to try the flow.
interop-issue-version = The export is version “{ $version }”, not 6 or 6.1: it was read as a v6 export.

## fluxo export altu
interop-export-no-node = { $path }: the flow has no node `{ $node }`
interop-export-not-live-chat = { $path }: the node `{ $node }` is a { $kind } node, not a LiveChat
interop-export-left-out = Not in the action (set it in the ALTU Builder):
interop-export-left-out-department = department: ALTU routes the chat by skillId; the department is fluxo's
interop-export-left-out-route = route: fluxo's simulation of who takes the chat; ALTU routes by skillId
interop-export-left-out-wait = wait_timeout_s: “Tempo de espera”, set on the ALTU Connector integration
interop-export-left-out-inactivity = inactivity_timeout_s: “Tempo de inatividade do usuário”, set on the ALTU Connector integration
interop-export-left-out-history = include_history: “Incluir histórico de mensagens no evento OPEN_CONVERSATION”, set on the integration
interop-export-left-out-closing = closing_message: goes in the node's before_action_messages
