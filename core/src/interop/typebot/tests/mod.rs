//! Mapping tests, one per Typebot block kind, over small exports written inline.
