//! Findings: what the engine concluded beyond the numbers, each with a stable code, a severity,
//! the legal reference (a short name of the reference registry, `docs/references.md`) and a message in Dutch, French or English.

use core::fmt;

use smallvec::SmallVec;

use crate::coded::Lang;
use crate::coded::{FindingCode, Severity, TraceStepName};
use crate::message::{render, Arg, Rendered};

/// The values a message shows, in order (`{0}`, `{1}`, …): the argument list of a [`Finding`]
/// and of a [`TraceStep`], a `SmallVec` of the `smallvec` crate (1.x). Up to four values are
/// held in line, without an allocation (94 % of the steps and 98 % of the findings of the
/// golden vectors' answers show four or fewer); a longer list is kept on the heap. It reads as
/// a slice (`&[Arg]`), compares, prints (`Debug`) and clones as a `Vec<Arg>` does, and is
/// built from any list of values (`Args::from_iter`, `Args::from_vec`, `.collect()`).
///
/// ```
/// use kmo_core::{Arg, Args};
/// let args: Args = (1..=6).map(Arg::Int).collect(); // more than four: kept on the heap
/// assert_eq!(args.len(), 6);
/// assert_eq!(format!("{args:?}"), format!("{:?}", args.to_vec()));
/// ```
pub type Args = SmallVec<[Arg; 4]>;

/// One finding: a code, its severity, the reference and the values its message shows.
///
/// ```
/// use kmo_core::{Finding, FindingCode, Lang, Money, Severity};
/// let f = Finding::new(FindingCode::CostBelowMinimum, Severity::Blocking, "BVR-2016 art. 16",
///                      [Money::from_cents(9999)?.into(), Money::from_euro(100).into()]);
/// assert_eq!(f.args.len(), 2);
/// assert!(f.message(Lang::En).contains("100.00"));
/// assert!(f.message(Lang::Nl).contains("minimum"));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The stable code.
    pub code: FindingCode,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule is written (a short name of the reference registry and the article).
    pub reference: &'static str,
    /// The values the message shows, in order (`{0}`, `{1}`, …).
    pub args: Args,
}

impl Finding {
    /// A new finding, with the values its message shows (an array, a `Vec<Arg>`, [`Args`] or
    /// any other list of them).
    pub fn new(
        code: FindingCode,
        severity: Severity,
        reference: &'static str,
        args: impl IntoIterator<Item = Arg>,
    ) -> Finding {
        Finding {
            code,
            severity,
            reference,
            args: args.into_iter().collect(),
        }
    }

    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        render(self.code.as_str(), lang, &self.args)
    }

    /// The message in a language, to be written (`Display`) without an intermediate `String`.
    pub fn message_in(&self, lang: Lang) -> Rendered<'_> {
        Rendered::of_finding(self.code, lang, &self.args)
    }
}

/// One step of the computation: what was decided, the value, where the rule is written.
///
/// ```
/// use kmo_core::{Lang, Percent, TraceStep, TraceStepName};
/// let thirty = Percent::from_whole(30)?;
/// let s = TraceStep::new(TraceStepName::Rate, "BVR-2016 art. 18", thirty, [thirty.into(), thirty.into(), 0.into()]);
/// assert!(s.text(Lang::En).contains("30"));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceStep {
    /// The step's stable name (`rulebook`, `size_class`, `rate`, `aid`, …).
    pub step: TraceStepName,
    /// Where the rule is written.
    pub reference: &'static str,
    /// The value the step produced.
    pub value: Arg,
    /// The values the explanation shows.
    pub args: Args,
}

/// The version of the trace format (the JSON `trace_version`).
pub const TRACE_VERSION: u32 = 1;

impl TraceStep {
    /// A new step, with the values its explanation shows (an array, a `Vec<Arg>`, [`Args`] or
    /// any other list of them).
    pub fn new(
        step: TraceStepName,
        reference: &'static str,
        value: impl Into<Arg>,
        args: impl IntoIterator<Item = Arg>,
    ) -> TraceStep {
        TraceStep {
            step,
            reference,
            value: value.into(),
            args: args.into_iter().collect(),
        }
    }

    /// A new step with its values as they are kept (the pipeline's steps, built with
    /// `smallvec!`, without a list to collect).
    pub(crate) fn of(
        step: TraceStepName,
        reference: &'static str,
        value: impl Into<Arg>,
        args: Args,
    ) -> TraceStep {
        TraceStep {
            step,
            reference,
            value: value.into(),
            args,
        }
    }

    /// The explanation in a language.
    pub fn text(&self, lang: Lang) -> String {
        self.text_in(lang).to_string()
    }

    /// The explanation in a language, to be written (`Display`) without an intermediate
    /// `String`.
    pub fn text_in(&self, lang: Lang) -> Rendered<'_> {
        Rendered::of_step(self.step, lang, &self.args)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {}",
            self.code,
            self.reference,
            self.message(Lang::En)
        )
    }
}

/// Whether a list of values owns no memory on the heap: kept in line, no value an owned text.
#[cfg(not(kmo_size))]
fn args_plain(args: &Args) -> bool {
    !args.spilled() && !args.iter().any(Arg::owns_heap)
}

/// Which findings and which steps of an assessment may own memory on the heap (an argument
/// list kept on the heap, an owned text), marked as the rules push them: bit `i` of a mask for
/// the entry `i`. An entry past the 64th that owns memory marks every bit (each entry is then
/// checked again on release), and so does the default: an assessment not made by
/// [`Explanation`] (read back from its document) has every entry checked. Not part of the
/// assessment's value: any two compare equal. Empty in the builds for size, which do not
/// release.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Owners {
    #[cfg(not(kmo_size))]
    findings: u64,
    #[cfg(not(kmo_size))]
    steps: u64,
}

impl Owners {
    /// No entry owns memory (an empty explanation).
    #[cfg(not(kmo_size))]
    const NONE: Owners = Owners {
        findings: 0,
        steps: 0,
    };
}

// Derivable only in the builds for size, where the marks are left out.
#[allow(clippy::derivable_impls)]
impl Default for Owners {
    fn default() -> Owners {
        Owners {
            #[cfg(not(kmo_size))]
            findings: u64::MAX,
            #[cfg(not(kmo_size))]
            steps: u64::MAX,
        }
    }
}

impl PartialEq for Owners {
    fn eq(&self, _: &Owners) -> bool {
        true
    }
}

impl Eq for Owners {}

/// Marks the entry `i` in `mask` (every bit past the 64th).
#[cfg(not(kmo_size))]
fn mark(mask: &mut u64, i: usize) {
    *mask |= if i < 64 { 1 << i } else { u64::MAX };
}

/// The entries of `mask`, or every entry when it marks them all.
#[cfg(all(feature = "json", not(kmo_size)))]
fn marked(mask: u64, len: usize, mut each: impl FnMut(usize)) {
    if mask == u64::MAX {
        (0..len).for_each(each);
    } else {
        let mut m = mask;
        while m != 0 {
            each(m.trailing_zeros() as usize);
            m &= m - 1;
        }
    }
}

/// Empties the findings and the trace of an assessment without a call to drop each one's
/// values: the values of the entries `owners` marks are dropped first (an argument list that
/// owns memory on the heap, an owned value), the others own nothing and are forgotten with
/// the lists' lengths set to zero (a forgotten `Drain`); the lists' own memory is freed as it
/// is. Not in the builds for size, which drop the assessment as it is (no marks are made).
#[cfg(all(feature = "json", not(kmo_size)))]
pub(crate) fn release(findings: &mut Vec<Finding>, trace: &mut Vec<TraceStep>, owners: Owners) {
    marked(owners.findings, findings.len(), |i| {
        if let Some(f) = findings.get_mut(i) {
            if !args_plain(&f.args) {
                drop(core::mem::take(&mut f.args));
            }
        }
    });
    marked(owners.steps, trace.len(), |i| {
        if let Some(s) = trace.get_mut(i) {
            if !args_plain(&s.args) {
                drop(core::mem::take(&mut s.args));
            }
            if s.value.owns_heap() {
                s.value = Arg::Int(0);
            }
        }
    });
    // Every entry now owns nothing: forgetting them leaks nothing.
    core::mem::forget(findings.drain(..));
    core::mem::forget(trace.drain(..));
}

/// Where the rules of one assessment report what they decide: the full explanation of
/// [`assess`](crate::assess()) ([`Explanation`]), or only the blocking reasons of the quick
/// quote ([`crate::quick::Blocking`]). Every rule step writes to a `Sink`, so the quick quote
/// and `assess` run the same decisions; the values of a message are built only by a sink that
/// keeps them.
pub(crate) trait Sink {
    /// Records a finding, of the severity the catalogue declares for its code
    /// ([`FindingCode::severity`]); `args` is called only when the sink keeps messages.
    fn finding(&mut self, code: FindingCode, reference: &'static str, args: impl FnOnce() -> Args);

    /// Records a step of the computation; `step` is called only when the sink keeps a trace.
    fn step(&mut self, step: impl FnOnce() -> TraceStep);

    /// Whether a blocking finding was recorded.
    fn blocked(&self) -> bool;

    /// A blocking finding: [`finding`](Sink::finding), where the rule's code says what it is.
    fn blocking(
        &mut self,
        code: FindingCode,
        reference: &'static str,
        args: impl FnOnce() -> Args,
    ) {
        debug_assert_eq!(code.severity(), Severity::Blocking, "{code:?}");
        self.finding(code, reference, args);
    }

    /// A warning: [`finding`](Sink::finding), where the rule's code says what it is.
    fn warning(&mut self, code: FindingCode, reference: &'static str, args: impl FnOnce() -> Args) {
        debug_assert_eq!(code.severity(), Severity::Warning, "{code:?}");
        self.finding(code, reference, args);
    }

    /// An information finding: [`finding`](Sink::finding), where the rule's code says what it
    /// is.
    fn info(&mut self, code: FindingCode, reference: &'static str, args: impl FnOnce() -> Args) {
        debug_assert_eq!(code.severity(), Severity::Info, "{code:?}");
        self.finding(code, reference, args);
    }
}

/// The findings and the trace of one assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Explanation {
    /// Every finding, in the order the rules ran.
    pub(crate) findings: Vec<Finding>,
    /// The steps, when a trace is kept.
    pub(crate) trace: Vec<TraceStep>,
    /// Whether a trace is kept.
    traced: bool,
    /// Whether a blocking finding was recorded.
    blocked: bool,
    /// Which findings and steps may own memory on the heap.
    pub(crate) owners: Owners,
}

impl Explanation {
    /// An empty explanation, with room for the usual answer (a few findings, about twenty
    /// steps) when a trace is kept.
    pub(crate) fn new(traced: bool) -> Explanation {
        Explanation {
            findings: Vec::with_capacity(8),
            trace: if traced {
                Vec::with_capacity(24)
            } else {
                Vec::new()
            },
            traced,
            blocked: false,
            #[cfg(not(kmo_size))]
            owners: Owners::NONE,
            #[cfg(kmo_size)]
            owners: Owners::default(),
        }
    }
}

impl Explanation {
    /// Records a finding whose arguments are built. Out of line in the builds for size: one
    /// copy of the push for every rule's finding (`finding` is generic over its arguments).
    #[cfg_attr(kmo_size, inline(never))]
    fn push_finding(&mut self, code: FindingCode, reference: &'static str, args: Args) {
        let severity = code.severity();
        self.blocked |= severity == Severity::Blocking;
        #[cfg(not(kmo_size))]
        if !args_plain(&args) {
            mark(&mut self.owners.findings, self.findings.len());
        }
        self.findings.push(Finding {
            code,
            severity,
            reference,
            args,
        });
    }

    /// Records a built step (out of line in the builds for size, as `push_finding`).
    #[cfg_attr(kmo_size, inline(never))]
    fn push_step(&mut self, step: TraceStep) {
        #[cfg(not(kmo_size))]
        if !args_plain(&step.args) || step.value.owns_heap() {
            mark(&mut self.owners.steps, self.trace.len());
        }
        self.trace.push(step);
    }
}

impl Sink for Explanation {
    fn finding(&mut self, code: FindingCode, reference: &'static str, args: impl FnOnce() -> Args) {
        self.push_finding(code, reference, args());
    }

    fn step(&mut self, step: impl FnOnce() -> TraceStep) {
        if self.traced {
            self.push_step(step());
        }
    }

    fn blocked(&self) -> bool {
        self.blocked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Money;

    #[cfg(all(feature = "json", not(kmo_size)))]
    #[test]
    fn released_lists_are_empty_whatever_their_values_own() {
        let owned = || Arg::from(String::from("owned text"));
        let plain = || -> Args {
            [Arg::from("borrowed"), Arg::Word("small"), 1.into()]
                .into_iter()
                .collect()
        };
        let mut e = Explanation::new(true);
        let code = FindingCode::CostBelowMinimum;
        e.finding(code, "r", plain);
        e.finding(code, "r", || six().into_iter().collect());
        e.finding(code, "r", || [owned()].into_iter().collect());
        e.step(|| TraceStep::of(TraceStepName::Aid, "r", 0, plain()));
        e.step(|| TraceStep::of(TraceStepName::Aid, "r", owned(), plain()));
        e.step(|| TraceStep::of(TraceStepName::Aid, "r", 0, six().into_iter().collect()));
        e.step(|| {
            TraceStep::of(
                TraceStepName::Aid,
                "r",
                0,
                [1.into(), owned()].into_iter().collect(),
            )
        });
        for _ in 0..70 {
            e.step(|| TraceStep::of(TraceStepName::Aid, "r", 0, plain()));
        }
        // The lists that own memory are marked as they are pushed, the others not.
        assert_eq!((e.owners.findings, e.owners.steps), (0b110, 0b1110));
        let (mut findings, mut trace) = (e.findings.clone(), e.trace.clone());
        release(&mut findings, &mut trace, e.owners);
        assert!(findings.is_empty() && trace.is_empty());
        assert!(findings.capacity() >= 3 && trace.capacity() >= 74);
        // Every entry checked: unknown marks, or one past the 64th that owns memory.
        e.step(|| TraceStep::of(TraceStepName::Aid, "r", owned(), plain()));
        assert_eq!(e.owners.steps, u64::MAX);
        release(&mut e.findings, &mut e.trace, Owners::default());
        assert!(e.findings.is_empty() && e.trace.is_empty());
    }

    fn six() -> Vec<Arg> {
        (1..=6).map(|i| Arg::from(Money::from_euro(i))).collect()
    }

    #[test]
    fn args_read_print_and_compare_as_the_list_they_were_built_from() {
        for n in 0..=6 {
            let list: Vec<Arg> = six().into_iter().take(n).collect();
            let from_vec = Finding::new(
                FindingCode::CostBelowMinimum,
                Severity::Blocking,
                "BVR-2016 art. 16",
                list.clone(),
            );
            let step = TraceStep::new(TraceStepName::Aid, "BVR-2016 art. 18", 0, list.clone());
            // Four values are kept in line; a longer list spills to the heap, never panics.
            assert_eq!(from_vec.args.spilled(), n > 4);
            assert_eq!(&from_vec.args[..], &list[..]);
            assert_eq!(&step.args[..], &list[..]);
            assert_eq!(format!("{:?}", from_vec.args), format!("{list:?}"));
            assert_eq!(format!("{:?}", step.args), format!("{list:?}"));
        }
    }

    #[test]
    fn an_array_and_a_vec_build_the_same_finding_and_message() {
        let [a, b, c, d, e, f]: [Arg; 6] = match six().try_into() {
            Ok(array) => array,
            Err(_) => unreachable!("six values"),
        };
        let from_array = TraceStep::new(
            TraceStepName::Aid,
            "BVR-2016 art. 18",
            0,
            [a, b, c, d, e, f],
        );
        let from_vec = TraceStep::new(TraceStepName::Aid, "BVR-2016 art. 18", 0, six());
        assert_eq!(from_array, from_vec);
        assert_eq!(from_array.text(Lang::En), from_vec.text(Lang::En));
        let two = Finding::new(
            FindingCode::CostBelowMinimum,
            Severity::Blocking,
            "BVR-2016 art. 16",
            [Money::from_euro(99).into(), Money::from_euro(100).into()],
        );
        assert_eq!(
            two,
            Finding::new(
                FindingCode::CostBelowMinimum,
                Severity::Blocking,
                "BVR-2016 art. 16",
                vec![Money::from_euro(99).into(), Money::from_euro(100).into()],
            )
        );
        // In whichever languages the build has (a lean build may have Dutch only, where the
        // amount reads 100,00).
        let message = two.message(Lang::En);
        assert!(
            message.contains("100.00") || message.contains("100,00"),
            "{message}"
        );
    }
}
