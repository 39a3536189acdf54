# fluxo — cli texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).

cli-language-unknown = unknown language `{ $tag }`: use `en` or `pt-BR`
cli-count-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}

## Loading a flow file: `PATH:LINE:COLUMN: what is wrong`.
cli-load-at = { $place }: { $problem }
cli-load-in-field = { $problem } (at { $field })
cli-load-unknown-extension = not a flow file: the name must end in .ron or .json
cli-load-missing = cannot read the file: no such file
cli-load-denied = cannot read the file: permission denied
cli-load-unreadable = cannot read the file: { $reason }
cli-load-not-regular = { $kind ->
    [folder] this is a folder, not a flow file
    [fifo] this is a named pipe (FIFO), not a regular file
    [device] this is a device, not a regular file
    [socket] this is a socket, not a regular file
   *[other] this is not a regular file
}; only regular files are read as flows
cli-load-too-big = the file is larger than { $limit_mib } MiB, the most a flow file may be
cli-load-too-new = this flow is format { $found }, newer than this fluxo understands (format { $supported }); update fluxo to open it

## What is wrong at a line and column.
cli-problem-not-utf8 = the file is not UTF-8 text (save it as UTF-8)
cli-problem-too-deep = brackets are nested more than { $limit } levels deep here; no flow needs that many: is the file damaged?
cli-problem-unexpected-end = the file ends too early: a bracket or a quote is never closed
cli-problem-expected = expected { $expected } here
cli-problem-trailing = there is more text after the end of the flow
cli-problem-unexpected-char = unexpected character `{ $char }`
cli-problem-unknown-variant = { $count ->
    [0] `{ $found }` is not known here
   *[other] `{ $found }` is not known here: use one of { $expected }
}
cli-problem-missing-field = the field `{ $field }` is missing
cli-problem-duplicate-field = the field `{ $field }` is written twice
cli-problem-wrong-type = expected { $expected }, found { $found }
cli-problem-wrong-length = expected { $expected }, found { $count ->
    [0] none
    [one] one value
   *[other] { $count } values
}
cli-problem-number-out-of-range = this number is out of range for the field
cli-problem-invalid-number = this is not a valid number
cli-problem-invalid-escape = a `\` escape in a text that means nothing (write `\\` for a backslash)
cli-problem-control-character = a control character inside a text (write it as an escape, such as `\n`)
cli-problem-unclosed-comment = a `/*` comment is never closed
cli-problem-format-zero = `format: 0` is not a fluxo format: this build writes format { $supported }

## What a place should hold (`expected ...`).
cli-expected-comma = a comma `,`
cli-expected-colon = a colon `:`
cli-expected-quote = a text in double quotes
cli-expected-open-list = `[`
cli-expected-close-list = `]`
cli-expected-open-group = `(`
cli-expected-close-group = `)`
cli-expected-open-map = `{"{"}`
cli-expected-close-map = `{"}"}`
cli-expected-string-end = the closing `"` of the text
cli-expected-name = a name
cli-expected-value = a value
cli-expected-integer = a whole number
cli-expected-integer-range = a whole number from { $min } to { $max }
cli-expected-number = a number
cli-expected-text = a text in quotes
cli-expected-bool = `true` or `false`
cli-expected-list = a list `[...]`
cli-expected-map = a map `{"{"}...{"}"}`
cli-expected-group = a group of fields `(...)`
cli-expected-variant = one of the kinds of { $name }
cli-expected-tuple = { $count } values

## What a place held instead (`found ...`).
cli-found-bool = `{ $value }`
cli-found-number = the number { $value }
cli-found-text = the text "{ $value }"
cli-found-null = nothing
cli-found-list = a list
cli-found-map = a map
cli-found-variant = a variant

## Unknown fields and comments, on load.
cli-unknown-field = { $path }: unknown field `{ $field }` ignored
cli-unknown-field-dropped = { $path }: unknown field `{ $field }` ignored (it is not in the output)
cli-unknown-fields-more = { $path }: { $count ->
    [one] one more unknown field
   *[other] { $count } more unknown fields
} ignored
cli-comments-dropped = { $path }: { $count ->
    [one] its comment is
   *[other] its { $count } comments are
} not in { $output }: a saved flow cannot keep comments (notes and the description can hold such text)

## Saving.
cli-save-unknown-extension = { $path }: the name must end in .ron or .json
cli-save-write = { $path }: cannot write the file: { $reason }
cli-save-serialize = cannot write the flow as { $format }: { $reason }
cli-stdout-failed = cannot write to the standard output: { $reason }

## fluxo convert and fluxo gen.
cli-convert-same-file = { $output } is the input file itself (once links are followed): converting into it would overwrite the input; write to another file
cli-gen-bad-format = --to must be `ron` or `json`, not `{ $value }`
cli-gen-too-many = --nodes { $count } is too many: a generated flow has at most { $limit } nodes

## Usage errors (exit 2).
cli-usage-unknown-word = `{ $word }` is neither a command nor a file
cli-usage-did-you-mean = did you mean `fluxo { $command }`?
cli-usage-commands = the commands are: { $commands }
cli-usage-no-such-file = { $path }: no such file
cli-usage-hint = `fluxo --help` lists the commands and their options
cli-usage-unknown-argument = unexpected argument `{ $arg }`
cli-usage-suggest-argument = did you mean `{ $arg }`?
cli-usage-invalid-value = `{ $value }` is not a valid value for `{ $arg }`
cli-usage-possible-values = possible values: { $values }
cli-usage-missing-argument = missing { $args }
cli-usage-missing-value = `{ $arg }` needs a value
cli-usage-too-many = too many values for `{ $arg }`
cli-usage-repeated = `{ $arg }` is given more than once

## The window.
cli-window-no-display = cannot open the editor window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Run fluxo in a desktop session, or use a command such as `fluxo check FILE`
cli-window-failed = cannot open the editor window: { $reason }

## A panic: a bug.
cli-internal-error = internal error (a bug in fluxo, please report it): { $message } at { $place }
