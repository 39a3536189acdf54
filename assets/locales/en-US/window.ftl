# fluxo — window texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).
window-file = File
window-edit = Edit
window-view = View
window-simulator = Simulator
window-help = Help
window-could-not-open-path = Could not open { $path }: { $error }
window-unknown-fields-ignored = Unknown fields were ignored and will be dropped on the next save: { $list }
window-dismiss = Dismiss
window-nodes-count = { $n ->
    [one] 1 node
   *[other] { $n } nodes
}
window-selected-count = { $n ->
    [one] 1 selected
   *[other] { $n } selected
}
window-zoom-percent = { $percent } %
window-unsaved-changes = unsaved changes
window-mocked-team = Mocked team
window-nothing-to-undo = Nothing to undo
window-nothing-to-redo = Nothing to redo
window-refused-no-such-node = There is no node `{ $id }`
window-refused-id-taken = The id `{ $id }` is already used by another node
window-refused-invalid-id = `{ $id }` is not a valid id: use letters, digits, `_` and `-`, without spaces
window-refused-last-entry = The Entry node is where every run starts: a flow keeps one
window-refused-second-entry = A flow has exactly one Entry node: it cannot be added or duplicated
window-refused-no-such-port = Node `{ $node }` has no port `{ $port }`
window-refused-into-entry = Nothing enters the Entry node: connect it to the first step instead
window-refused-not-connected = Port `{ $port }` of `{ $node }` is not connected
window-refused-bad-index = An index is out of range: the flow changed under this command

## Files.
window-new-flow = New flow
window-opened-name = Opened { $name }
window-saved-name = Saved { $name }
window-saving = Saving…
window-could-not-open-file = Could not open the file
window-detail = { $detail }
window-could-not-save-flow = Could not save the flow
window-could-not-save-because = Could not save the flow: { $detail }
window-save-stopped = the save stopped unexpectedly
window-autosave-could-not-write = Autosave could not write the recovery file: { $error }
window-one-flow-at-a-time = One flow opens at a time: opening { $name }
window-drop-flow-file-open = Drop a flow file to open it
window-not-saved-yet = not saved yet
window-open-recent = Open recent
window-no-recent-files = No recent files

## Prompts.
window-this-flow = this flow
window-save-changes-before-new = Save the changes to { $name } before starting a new flow?
window-save-changes-before-opening = Save the changes to { $name } before opening another flow?
window-save-changes-before-recovering = Save the changes to { $name } before recovering the unsaved ones?
window-save-changes-before-start-page = Save the changes to { $name } before going back to the start page?
window-save-changes-before-closing = Save the changes to { $name } before closing?
window-if-you-do-not-save = If you do not save them, your changes are lost.
window-discard = Discard
window-ok = OK
window-go-back-without-saving = Go back without saving?
window-changes-since-saved-lost = The changes to { $name } since it was last saved will be lost.
window-discard-and-go-back = Discard and go back
window-recover-unsaved-changes = Recover unsaved changes?
window-closed-without-saving-file = fluxo closed without saving the changes to { $file }.
window-closed-without-saving-new-flow = fluxo closed without saving a new flow, "{ $name }".
window-they-were-kept = They were kept on { $when } ({ $ago }).
window-minutes-ago = { $n ->
    [0] less than a minute ago
    [one] 1 minute ago
   *[other] { $n } minutes ago
}
window-recover = Recover

## Start page.
window-design-check-simulate-customer-service = Design, check and simulate customer-service bot flows
window-open-the-sample-flow = Open the sample flow
window-recent-files = Recent files
window-no-recent-files-yet-files = No recent files yet: files you open or save are listed here.

## Clipboard.
window-select-nodes-copy-first = Select the nodes to copy first
window-entry-not-copied = The Entry node is not copied: a flow has exactly one
window-entry-not-pasted = The Entry node is not pasted: a flow has exactly one
window-nothing-to-paste = Nothing to paste: the clipboard holds no fluxo nodes (copy nodes in fluxo first)
window-copied-by-newer-fluxo = These nodes were copied by a newer fluxo: update fluxo to paste them
window-copied-nodes-unreadable = The copied nodes cannot be read: { $error }
window-copied-nodes = { $n ->
    [one] Copied 1 node
   *[other] Copied { $n } nodes
}
window-pasted-nodes = { $n ->
    [one] Pasted 1 node
   *[other] Pasted { $n } nodes
}

## Find.
window-find-node = Find node
window-find-node-id-text = Find a node by id or text
window-id-or-text = id or text
window-no-node-matches = No node matches

## Shortcuts sheet.
window-canvas = Canvas
window-gesture-move = Drag a node
window-gesture-move-does = Move it, with the rest of the selection
window-gesture-connect = Drag from an output port to a node
window-gesture-connect-does = Connect them (an occupied port is rewired)
window-gesture-disconnect = Drag a wire's end off its node
window-gesture-disconnect-does = Disconnect it
window-gesture-pan = Drag the background, middle-drag or scroll
window-gesture-pan-does = Pan the view
window-gesture-zoom = Ctrl+scroll or pinch
window-gesture-zoom-does = Zoom around the pointer
window-gesture-band = Shift+drag
window-gesture-band-does = Select with a rubber band (replaces the selection)
window-gesture-band-add = Ctrl+drag
window-gesture-band-add-does = Rubber band that adds to the selection
window-gesture-toggle = Shift+click or Ctrl+click
window-gesture-toggle-does = Add or remove one node
window-gesture-menu = Right-click
window-gesture-menu-does = Context menu: add a node here, duplicate, delete, disconnect
window-gesture-escape = Escape
window-gesture-escape-does = Cancel a gesture, or clear the selection
window-gesture-drop = Drop a flow file on the window
window-gesture-drop-does = Open it
window-open-a-flow-file = Open a flow file
window-save-the-flow-as = Save the flow as
window-no-file-dialog-could-open = No file dialog could open here: type the file's path.
window-path = Path
window-open = Open
window-cancel = Cancel
window-type-a-path = Type a path
window-no-file-at = There is no file at { $path }
window-path-is-a-folder = { $path } is a folder: type the path of a file in it
window-not-a-flow-file = Not a flow file: the name must end in .ron or .json
window-no-such-folder = The folder { $path } does not exist
window-path-exists-save-again = { $path } already exists: press Save again to replace it
window-ron-saves-ron-default-json = .ron saves RON (the default), .json saves JSON; a name without either gets .flow.ron
window-problems = Problems
window-no-problems-found = No problems found
window-errors-count = { $n ->
    [one] 1 error
   *[other] { $n } errors
}
window-warnings-count = { $n ->
    [one] 1 warning
   *[other] { $n } warnings
}
window-errors = Errors
window-warnings = Warnings
window-flow-place = flow
window-click-show-node = Click to show the node

## Actions: each one's menu label, and what it does (tooltips, the shortcuts sheet)
action-file-new = New
action-file-open = Open…
action-file-save = Save
action-file-save-as = Save as…
action-file-save-and-close = Save and close
action-file-back-without-saving = Back without saving
action-file-quit = Quit
action-file-new-tooltip = Start a new flow with just the Entry node
action-file-open-tooltip = Open a flow file (.flow.ron or .flow.json)
action-file-save-tooltip = Save the flow without leaving the editor
action-file-save-as-tooltip = Save the flow in a new file; the extension picks RON or JSON
action-file-save-and-close-tooltip = Save the flow, then go back to the start page
action-file-back-without-saving-tooltip = Leave the editor without saving any change (asks first)
action-file-quit-tooltip = Close the window (asks about unsaved changes)
action-edit-undo = Undo
action-edit-redo = Redo
action-edit-cut = Cut
action-edit-copy = Copy
action-edit-paste = Paste
action-edit-find = Find node…
action-edit-delete = Delete
action-edit-duplicate = Duplicate
action-edit-select-all = Select all
action-edit-undo-tooltip = Undo the last change
action-edit-redo-tooltip = Redo the change just undone
action-edit-cut-tooltip = Copy the selected nodes to the clipboard, then delete them
action-edit-copy-tooltip = Copy the selected nodes, with the wires between them, to the clipboard
action-edit-paste-tooltip = Paste copied nodes at the pointer, with fresh ids
action-edit-find-tooltip = Find a node by id or text, select it and show it
action-edit-delete-tooltip = Delete the selected nodes and their wires, or the picked wire
action-edit-duplicate-tooltip = Copy the selected nodes, with the wires between them, next to them
action-edit-select-all-tooltip = Select every node
action-view-toggle-palette = Palette
action-view-toggle-inspector = Inspector
action-view-toggle-findings = Problems
action-view-toggle-team = Team
action-view-toggle-minimap = Minimap
action-view-fit = Fit to view
action-view-zoom-in = Zoom in
action-view-zoom-out = Zoom out
action-view-zoom-reset = Actual size
action-view-toggle-fullscreen = Fullscreen
action-view-theme-system = System theme
action-view-theme-dark = Dark theme
action-view-theme-light = Light theme
action-view-lang-english = English
action-view-lang-portuguese = Português (Brasil)
action-view-toggle-palette-tooltip = Show or hide the node palette
action-view-toggle-inspector-tooltip = Show or hide the inspector of the selected node
action-view-toggle-findings-tooltip = Show or hide the list of problems found by the checks
action-view-toggle-team-tooltip = Edit and mock the team this flow is designed for
action-view-toggle-minimap-tooltip = Show or hide the minimap
action-view-fit-tooltip = Show the whole flow
action-view-zoom-in-tooltip = Zoom in around the centre
action-view-zoom-out-tooltip = Zoom out around the centre
action-view-zoom-reset-tooltip = Zoom to 100 %
action-view-toggle-fullscreen-tooltip = Use the whole screen
action-view-theme-system-tooltip = Follow the system's light or dark theme
action-view-theme-dark-tooltip = Easy on the eyes at night
action-view-theme-light-tooltip = Dark text on a light background
action-view-lang-english-tooltip = Show the window in English
action-view-lang-portuguese-tooltip = Show the window in Brazilian Portuguese
action-sim-toggle-panel = Simulator
action-sim-step = Step
action-sim-back = Back
action-sim-run = Run
action-sim-play-pause = Play / Pause
action-sim-reset = Reset
action-sim-toggle-breakpoint = Toggle breakpoint
action-sim-clear-breakpoints = Clear breakpoints
action-sim-run-all = Run all
action-sim-save-run-as-scenario = Save run as scenario
action-sim-toggle-panel-tooltip = Show or hide the simulator: scenarios, the run step by step, run all
action-sim-step-tooltip = Execute the current node and move along one wire
action-sim-back-tooltip = Undo the last step: the previous node, variables and team
action-sim-run-tooltip = Run until the end, a breakpoint or a question without a reply
action-sim-play-pause-tooltip = Step on a timer, one step at a time, for a class to follow
action-sim-reset-tooltip = Start the run over from the scenario (breakpoints, switched statuses and the round-robin cursors stay)
action-sim-toggle-breakpoint-tooltip = Stop a run before the selected node
action-sim-clear-breakpoints-tooltip = Remove every breakpoint
action-sim-run-all-tooltip = Run every scenario, check its expectations and show the coverage on the canvas
action-sim-save-run-as-scenario-tooltip = Keep this run as a new scenario: its replies, and expectations of how it ended
action-help-shortcuts = Keyboard shortcuts
action-help-shortcuts-tooltip = Every action with its key, and the canvas gestures

## Keys whose name is a word (letters, digits and F-keys are the same everywhere)
key-plus = Plus
key-equals = Equals
key-minus = Minus
key-delete = Delete
key-backspace = Backspace
key-escape = Escape
key-enter = Enter
key-space = Space
key-tab = Tab
