//! Splitting work in two: the one way the import, the typing and the engine run two halves on
//! the machine's two cores. Std only; any layer may use it.

/// Runs `here` on this thread and `there` on a scoped thread at the same time, and returns both
/// results. The other thread carries this thread's name (a worker's halves are both that
/// worker). A panic on the other thread resumes on this one, so it is never lost.
pub fn both<A, B: Send>(here: impl FnOnce() -> A, there: impl FnOnce() -> B + Send) -> (A, B) {
    // Whichever thread takes `there` first runs it: the other one, or this one after `here`
    // when no thread can be started (the system is out of them): slower, never lost.
    let there = std::sync::Mutex::new(Some(there));
    let take = || there.lock().ok().and_then(|mut job| job.take());
    std::thread::scope(|scope| {
        let mut builder = std::thread::Builder::new();
        if let Some(name) = std::thread::current().name() {
            builder = builder.name(name.to_owned());
        }
        let job = builder.spawn_scoped(scope, || take().map(|job| job()));
        let a = here();
        let b = match job {
            Ok(job) => job.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => None,
        };
        match b.or_else(|| take().map(|job| job())) {
            Some(b) => (a, b),
            None => unreachable!("`there` runs on one thread or the other"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_halves_run_and_return_in_order() {
        let data: Vec<u64> = (1..=1_000).collect();
        let (head, tail) = data.split_at(500);
        let (a, b) = both(|| head.iter().sum::<u64>(), || tail.iter().sum::<u64>());
        assert_eq!((a, b), (125_250, 375_250));
    }

    #[test]
    fn the_other_half_carries_this_threads_name() {
        let name = std::thread::Builder::new()
            .name("export".to_owned())
            .spawn(|| both(|| (), || std::thread::current().name().map(str::to_owned)).1)
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(name.as_deref(), Some("export"));
    }

    #[test]
    #[should_panic(expected = "the other half")]
    fn a_panic_on_the_other_thread_is_not_lost() {
        let _ = both(|| 1, || -> u8 { panic!("the other half") });
    }
}
