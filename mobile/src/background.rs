//! Long calls (PDF, imports, verification) run on a thread of their own; the foreign side
//! awaits them through uniffi's async support (Kotlin coroutines, Swift async, Python asyncio),
//! so no async runtime is needed here and the caller's event loop is never blocked.
//!
//! Cancelling on the foreign side drops the future: the work finishes on its thread and its
//! result is thrown away (every long call is a read or one transaction, so nothing is left
//! half done).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

use karvon_core::domain::Message;
use karvon_core::Error;

/// The result slot a worker thread fills and the future reads.
#[derive(Debug)]
struct Slot<T> {
    result: Option<T>,
    waker: Option<Waker>,
}

/// A result computed on a worker thread.
#[derive(Debug)]
pub(crate) struct Background<T> {
    slot: Arc<Mutex<Slot<Result<T, Error>>>>,
}

/// Runs `work` on a new thread (inline if no thread can be started) and returns its future.
/// A panic in `work` becomes a storage error instead of a future that never completes (where
/// panics unwind: the size-tuned `mobile` profile aborts instead).
pub(crate) fn background<T, F>(work: F) -> Background<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, Error> + Send + 'static,
{
    let slot = Arc::new(Mutex::new(Slot {
        result: None,
        waker: None,
    }));
    let job = Arc::new(Mutex::new(Some(work)));
    let run = {
        let slot = Arc::clone(&slot);
        let job = Arc::clone(&job);
        move || {
            let work = job.lock().unwrap_or_else(PoisonError::into_inner).take();
            let Some(work) = work else { return };
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                .unwrap_or_else(|_| Err(Error::Store(Message::new("mobile-error-crashed"))));
            let waker = {
                let mut s = slot.lock().unwrap_or_else(PoisonError::into_inner);
                s.result = Some(result);
                s.waker.take()
            };
            if let Some(w) = waker {
                w.wake();
            }
        }
    };
    let spawned = std::thread::Builder::new()
        .name("karvon-work".into())
        .spawn(run.clone());
    if spawned.is_err() {
        run();
    }
    Background { slot }
}

impl<T> Future for Background<T> {
    type Output = Result<T, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut s = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        match s.result.take() {
            Some(r) => Poll::Ready(r),
            None => {
                s.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// Polls until ready, sleeping between polls.
    fn block_on<T>(mut f: Background<T>) -> Result<T, Error> {
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(count);
        let mut cx = Context::from_waker(&waker);
        loop {
            if let Poll::Ready(r) = Pin::new(&mut f).poll(&mut cx) {
                return r;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn result_arrives_from_the_worker_and_wakes_the_poller() {
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let mut f = background(move || {
            rx.recv().map_err(|_| Error::Store(Message::new("x")))?;
            Ok(std::thread::current().name().map(str::to_owned))
        });
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(Arc::clone(&count));
        let mut cx = Context::from_waker(&waker);
        assert!(Pin::new(&mut f).poll(&mut cx).is_pending());
        tx.send(()).unwrap();
        let start = std::time::Instant::now();
        while count.0.load(Ordering::SeqCst) == 0 {
            assert!(start.elapsed().as_secs() < 10, "never woken");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let Poll::Ready(r) = Pin::new(&mut f).poll(&mut cx) else {
            panic!("woken but not ready")
        };
        assert_eq!(r.unwrap().as_deref(), Some("karvon-work"));
    }

    #[test]
    fn a_panic_becomes_an_error() {
        let r = block_on(background::<(), _>(|| panic!("boom")));
        let Err(Error::Store(m)) = r else {
            panic!("expected a store error")
        };
        assert_eq!(m.id, "mobile-error-crashed");
    }
}
