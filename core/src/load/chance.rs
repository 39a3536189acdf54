//! The day's chance: independent seeded streams (arrivals, the mix, handle times, patience, the
//! chats' own seeds), so that changing a route or an agent changes who serves a chat but not
//! which chats arrive, when, what they say or how long they take: two days with the same seed
//! compare like for like.

use crate::rng::Rng;

/// What a stream is for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stream {
    Arrivals = 1,
    Mix = 2,
    Handle = 3,
    Patience = 4,
    ChatSeed = 5,
}

/// The generator of one stream of the day's seed.
pub(crate) fn stream(seed: u64, which: Stream) -> Rng {
    // SplitMix64 of the seed and the stream number: states far apart for every pair.
    let mut mixer = Rng::new(seed ^ (which as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    Rng::new(mixer.next_u64())
}

/// A number in `[0, 1)`.
pub(crate) fn unit(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// An exponential draw of mean `mean_s` seconds, in microseconds (saturating).
pub(crate) fn exponential_us(rng: &mut Rng, mean_s: f64) -> u64 {
    // 1 - unit is in (0, 1]: its logarithm is finite.
    let seconds = -mean_s * (1.0 - unit(rng)).ln();
    (seconds * 1e6).round() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_differ_and_repeat() {
        let mut a = stream(7, Stream::Arrivals);
        let mut b = stream(7, Stream::Mix);
        let mut again = stream(7, Stream::Arrivals);
        let first = a.next_u64();
        assert_ne!(first, b.next_u64());
        assert_eq!(first, again.next_u64());
        assert_ne!(stream(8, Stream::Arrivals).next_u64(), first);
    }

    #[test]
    fn exponential_has_its_mean() {
        let mut rng = stream(1, Stream::Handle);
        let n = 100_000;
        let total: u64 = (0..n).map(|_| exponential_us(&mut rng, 300.0)).sum();
        let mean_s = total as f64 / f64::from(n) / 1e6;
        assert!((mean_s - 300.0).abs() < 3.0, "{mean_s}");
    }
}
