//! The bundled sample flows: they load, check clean, and every scenario passes with full
//! node and branch coverage.

mod flows;
mod scenarios;
