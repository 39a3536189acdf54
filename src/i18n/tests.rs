//! The bundles are whole: both languages parse, have the same messages and attributes, and a
//! translation uses no argument that the English (the code's reference) does not.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fluent_syntax::parser;

use super::*;

/// Message (or `message.attribute`) -> the variables it reads.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn shape(lang: Lang) -> (Shape, Vec<String>) {
    let mut shape = Shape::new();
    let mut problems = Vec::new();
    for (area, source) in sources(lang) {
        let resource = match parser::parse(*source) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    problems.push(format!("{}/{area}.ftl: syntax error {error:?}", lang.tag()));
                }
                resource
            }
        };
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let id = message.id.name.to_owned();
                    if shape.contains_key(&id) {
                        problems.push(format!(
                            "{}/{area}.ftl: `{id}` is defined twice",
                            lang.tag()
                        ));
                    }
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &message.value {
                        pattern_vars(value, &mut vars);
                    }
                    shape.insert(id.clone(), vars);
                    for attribute in &message.attributes {
                        let mut vars = BTreeSet::new();
                        pattern_vars(&attribute.value, &mut vars);
                        shape.insert(format!("{id}.{}", attribute.id.name), vars);
                    }
                }
                ast::Entry::Term(term) => {
                    let mut vars = BTreeSet::new();
                    pattern_vars(&term.value, &mut vars);
                    shape.insert(format!("-{}", term.id.name), vars);
                }
                ast::Entry::Junk { content } => {
                    problems.push(format!(
                        "{}/{area}.ftl: cannot parse `{}`",
                        lang.tag(),
                        content.trim()
                    ));
                }
                _ => {}
            }
        }
    }
    (shape, problems)
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_vars(argument, vars);
            }
            for argument in &arguments.named {
                inline_vars(&argument.value, vars);
            }
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                inline_vars(argument, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn both_bundles_parse_and_have_the_same_messages() {
    let (english, mut problems) = shape(Lang::En);
    let (portuguese, more) = shape(Lang::PtBr);
    problems.extend(more);
    for id in english.keys() {
        if !portuguese.contains_key(id) {
            problems.push(format!("pt-BR lacks `{id}`"));
        }
    }
    for (id, vars) in &portuguese {
        let Some(english_vars) = english.get(id) else {
            problems.push(format!("en-US lacks `{id}`"));
            continue;
        };
        for var in vars.difference(english_vars) {
            problems.push(format!(
                "pt-BR `{id}` reads `${var}`, which the English (and so the code) does not pass"
            ));
        }
        for var in english_vars.difference(vars) {
            problems.push(format!(
                "pt-BR `{id}` leaves out `${var}`, which the English shows"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn plurals_follow_each_language() {
    assert_eq!(tr!(Lang::En, "cli-count-errors", count = 1), "1 error");
    assert_eq!(tr!(Lang::En, "cli-count-errors", count = 2), "2 errors");
    assert_eq!(tr!(Lang::PtBr, "cli-count-errors", count = 1), "1 erro");
    assert_eq!(
        tr!(Lang::PtBr, "cli-count-errors", count = 0),
        "nenhum erro"
    );
}

#[test]
fn a_gap_shows_and_is_recorded() {
    let (text, errors) = format(Lang::En, "no-such-message", None);
    assert_eq!(text, "no-such-message");
    assert_eq!(errors.len(), 1);
    let (text, errors) = format(Lang::En, "cli-language-unknown", None);
    assert!(text.contains("tag"), "{text}");
    assert_eq!(errors.len(), 1, "{errors:?}");
}
