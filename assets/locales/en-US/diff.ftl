# fluxo — diff texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).

## Structural changes, grouped by what they are about.
diff-heading-changes = Changes:
diff-no-changes = The two files describe the same flow.
diff-summary = { $count ->
    [one] 1 change
   *[other] { $count } changes
}: { $behaviour } to what the flow or its team does, { $test } to the scenarios, { $cosmetic } cosmetic
diff-cosmetic-only = Only positions, notes or the description changed: no run can see it.
diff-target-flow = flow
diff-target-team = team
diff-target-scenario = scenario "{ $scenario }"
diff-target-node = node { $node } ({ $kind })
diff-target-node-unknown = node { $node } (not in either file)
diff-node-added = added
diff-node-removed = removed
diff-node-moved = moved from ({ $from_x }, { $from_y }) to ({ $to_x }, { $to_y })
diff-kind-changed = kind: { $old } -> { $new }
diff-scenario-added = added
diff-scenario-removed = removed
diff-field = { $path }: { $old } -> { $new }
diff-cut = … (+{ $count } characters)
diff-not-set = (not set)
diff-item-added = { $path }: added { $value }
diff-item-removed = { $path }: removed { $value }
diff-reordered = { $path }: new order { $old } -> { $new }
diff-wire-rewired = { $node }.{ $port }: { $old } -> { $new }
diff-wire-connected = { $node }.{ $port }: now connected to { $new }
diff-wire-disconnected = { $node }.{ $port }: no longer connected (it led to { $old })

## Behavioural changes: the scenarios whose run ends differently.
diff-heading-outcomes = These scenarios now end differently ({ $changed } of { $total }):
diff-version-new-changed = (as the new file writes it)
diff-version-new-only = (only in the new file)
diff-version-old-changed = (as the old file writes it)
diff-version-old-only = (only in the old file)
diff-before = before: { $outcome }
diff-now = now:    { $outcome }
diff-same-end = same end: { $outcome }
diff-end-at = { $reason } at { $node }
diff-queue = queue { $queue }, position { $position }
diff-agent = agent { $agent }
diff-no-agent = no agent
diff-path-before = path before: { $path }
diff-path-now = path now:    { $path }
diff-messages = messages the contact receives (- before only, + now only):
diff-messages-same = { $count ->
    [one] (1 message the same)
   *[other] ({ $count } messages the same)
}
diff-field-before = { $field } before: { $value }
diff-field-now = { $field } now:    { $value }

## The last line.
diff-verdict-changed = { $changed ->
    [one] { $changed } of { $total } scenarios now ends differently.
   *[other] { $changed } of { $total } scenarios now end differently.
}
diff-verdict-same = { $total ->
    [one] No scenario ends differently (1 compared).
   *[other] No scenario ends differently ({ $total } compared).
}
diff-verdict-no-scenarios = Neither file has scenarios: only the structure was compared.
diff-cannot-compare = cannot compare the flows: { $error }
diff-cannot-write-json = cannot write the comparison as JSON: { $error }

## The window: File > Compare with saved / Compare with file…
compare-with-saved = Compare with saved
compare-with-saved-tooltip = What your unsaved changes do: the nodes added, removed, changed and rewired on the canvas, and the scenarios that would now end differently
compare-with-file = Compare with file…
compare-with-file-tooltip = What changes from another version of this flow (a flow file you pick) to the flow as it is now
compare-with-saved-disabled = Save the flow first: there is no file to compare with yet
compare-not-saved-yet = This flow has no file yet: there is nothing saved to compare with
compare-could-not-read = Could not read the flow to compare with
compare-pick-file = Compare with a flow file
compare-confirm = Compare
compare-title-saved = Changes since { $name } was saved
compare-title-file = Compared with { $name }
compare-close = Close the comparison
compare-updating = updating…
compare-failed = The comparison failed: { $error }
compare-show-node = Show this node on the canvas
compare-status-added = new
compare-status-removed = removed
compare-status-changed = changed
compare-status-rewired = rewired
compare-status-moved = moved
compare-wire-was = was { $old }
compare-wire-new = new wire
compare-differs-in = differs in: { $fields }
compare-open-runs = Both runs of “{ $scenario }” side by side
compare-runs-title = “{ $scenario }”: before and now
compare-runs-before = Before ({ $name })
compare-runs-now = Now (this version)
compare-save-check = Warn before a save changes what a scenario does
compare-save-check-tooltip = Save first runs the flow's scenarios on the file as saved and on your version, and asks when one would end differently (Mosia's flows are live the moment they are saved)
compare-save-heading = { $changed ->
    [one] Saving { $name } changes what 1 of { $total } scenarios does
   *[other] Saving { $name } changes what { $changed } of { $total } scenarios do
}
compare-save-body = These scenarios would end differently than with the file as it is saved now; in Mosia, chats already under way follow the new version at once:
compare-save-more = { $count ->
    [one] … and 1 more
   *[other] … and { $count } more
}
compare-save-compare-first = Compare first
compare-save-anyway = Save anyway
