//! The step-by-step simulator (SPEC.md section 4). Written in the simulator issue.
