//! Work shared between threads, for big flows: a list of tasks that whichever thread is free
//! claims in order (the calling thread works too), each result kept under its task's number, so
//! that what comes out does not depend on which thread ran what. A thread the system is slow to
//! start simply gets fewer tasks: the calling thread finishes the list alone if it must.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Below this many nodes the checks stay on one thread: starting a thread costs about 40 µs,
/// and the editor checks small flows on every edit.
pub(crate) const PARALLEL_FROM: usize = 4_000;

/// More threads than this gain little: the passes that cannot be split take over.
const MAX_THREADS: usize = 4;

/// The threads worth using for a flow of `nodes` nodes.
pub(crate) fn threads_for(nodes: usize) -> usize {
    // Asking the system is slow (it reads the process's CPU quota): once per process.
    static CORES: OnceLock<usize> = OnceLock::new();
    if nodes < PARALLEL_FROM {
        return 1;
    }
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from));
    cores.clamp(1, MAX_THREADS)
}

/// Runs `work` on every task, on up to `threads` threads, each with its own `init()` state.
/// Returns the results in task order, and every thread's final state.
pub(crate) fn map<T, R, S>(
    tasks: &[T],
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
) -> (Vec<R>, Vec<S>)
where
    T: Sync,
    R: Send,
    S: Send,
{
    if threads <= 1 || tasks.len() <= 1 {
        let mut state = init();
        let results = tasks.iter().map(|task| work(&mut state, task)).collect();
        return (results, vec![state]);
    }
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut state = init();
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(task) = tasks.get(at) else {
                break;
            };
            done.push((at, work(&mut state, task)));
        }
        (done, state)
    };
    let outcomes = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(tasks.len()))
            .map(|_| scope.spawn(worker))
            .collect();
        let mut outcomes = vec![worker()];
        for helper in helpers {
            match helper.join() {
                Ok(outcome) => outcomes.push(outcome),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        outcomes
    });
    let mut results = Vec::with_capacity(tasks.len());
    let mut states = Vec::with_capacity(outcomes.len());
    for (done, state) in outcomes {
        results.extend(done);
        states.push(state);
    }
    results.sort_unstable_by_key(|&(at, _)| at);
    (
        results.into_iter().map(|(_, result)| result).collect(),
        states,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_task_order_whatever_ran_them() {
        let tasks: Vec<u64> = (0..100).collect();
        for threads in [1, 2, 3, 8] {
            let (results, states) = map(
                &tasks,
                threads,
                || 0_u64,
                |ran, &task| {
                    *ran += 1;
                    task * task
                },
            );
            assert_eq!(results, tasks.iter().map(|t| t * t).collect::<Vec<_>>());
            assert_eq!(states.iter().sum::<u64>(), 100, "each task ran once");
            assert!(states.len() <= threads.max(1));
        }
        assert_eq!(map(&[] as &[u8], 2, || (), |(), _| 1).0, Vec::<i32>::new());
    }
}
