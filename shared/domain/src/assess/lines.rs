//! The engine's working state: one `Line` per item, and the context shared by the stages.

use std::any::TypeId;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Display;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use rust_decimal::Decimal;

use super::charges::Memo;
use super::{FigureUse, Notice, NoticeCode, Severity};
use crate::fx::RateTable;
use crate::kind::{Kind, Unit};
use crate::message::Message;
use crate::pack::{Cite, Cited, Confidence, MoneyFig, Pack};
use crate::trip::{InputError, Item, Trip};

/// Where an item stands before charges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fixed {
    /// Counted and possibly charged.
    Open,
    /// Does not count.
    NotCounted,
    /// Not allowed.
    NotAllowed,
    /// Cash (declared or not by the cash rule).
    Cash,
}

/// The working state of one item.
#[derive(Debug, Clone)]
pub(crate) struct Line<'t> {
    pub idx: usize,
    pub item: &'t Item,
    pub cv: Option<Decimal>,
    pub fixed: Fixed,
    pub must_declare: bool,
    pub cash_declared: bool,
    /// Dutiable fraction from the quantity stage (0..=1), of which `q_special` is charged by the
    /// allowance's own excess charge.
    pub q_frac: Decimal,
    pub q_allowance: Option<String>,
    /// Whether the value of the quantity-covered part (or the whole item) counts in value.
    pub counts_value: bool,
    /// Dutiable fraction of the value-counted part.
    pub v_frac: Decimal,
    /// Dutiable because no allowance covers this kind (or allowances are removed).
    pub uncovered: bool,
    /// The path of the rule that decided the line (empty when none), shared by the lines it decides.
    pub rule: Arc<str>,
    /// The URL of that rule's source, shared likewise.
    pub source: Option<Arc<str>>,
    pub steps: Vec<Message>,
    /// Unrounded charges.
    pub duty: Decimal,
    pub vat: Decimal,
    pub excise: Decimal,
    pub complete: bool,
}

impl Line<'_> {
    /// The quantity of this item in a unit, if the item gives it.
    pub fn quantity(&self, unit: Unit) -> Option<Decimal> {
        let it = self.item;
        match unit {
            Unit::Litres => it.litres,
            Unit::Pieces => it.count.or(match it.kind {
                Kind::Goods | Kind::Phone => Some(Decimal::ONE),
                _ => None,
            }),
            Unit::Grams => it.grams,
            Unit::Millilitres => it.ml,
            Unit::Kilograms => it.weight_kg,
        }
    }

    /// The total dutiable fraction of the item.
    pub fn dutiable_fraction(&self) -> Decimal {
        if self.uncovered {
            return Decimal::ONE;
        }
        let rest = Decimal::ONE - self.q_frac;
        let v = if self.counts_value {
            rest * self.v_frac
        } else {
            Decimal::ZERO
        };
        (self.q_frac + v).min(Decimal::ONE)
    }
}

/// A message with room for exactly `args` arguments: an assessment explains every line, and
/// spare room adds up.
pub(crate) fn message(id: &'static str, args: usize) -> Message {
    let mut m = Message::new(id);
    m.args.reserve_exact(args);
    m
}

/// A pack path `list[index]`, written out only when it is needed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At<'s>(pub &'s str, pub usize);

impl Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// Hashes the addresses of pack items (and type ids): a multiply per word is enough.
#[derive(Debug, Default)]
pub(crate) struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// No entry, in the index vectors below.
const NONE: usize = usize::MAX;

/// Shared context of one assessment.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub pack: &'a Pack,
    pub trip: &'a Trip,
    pub rates: RateTable,
    pub figures: BTreeMap<String, FigureUse>,
    pub notices: Vec<Notice>,
    /// The pack items already cited, by address and type: an item has one path, built once.
    cited: HashSet<(usize, TypeId), BuildHasherDefault<AddrHasher>>,
    /// Per item (slot 0: no item), the last notice about it; `notice_prev` chains the others.
    notice_last: Vec<usize>,
    notice_prev: Vec<usize>,
    /// Per line, its charge rule once looked up.
    charge_rules: Vec<Option<Option<usize>>>,
    /// Per line, the last charges computed without recording.
    pub charge_memo: Vec<Option<Memo>>,
    /// The URL of each source key, one shared copy each.
    urls: HashMap<&'a str, Arc<str>>,
    /// Rule paths given to lines, one shared copy each.
    rules: HashMap<String, Arc<str>>,
}

impl<'a> Ctx<'a> {
    /// A context for a trip, with nothing recorded yet.
    pub fn new(pack: &'a Pack, trip: &'a Trip, rates: RateTable) -> Self {
        Self {
            pack,
            trip,
            rates,
            figures: BTreeMap::new(),
            notices: Vec::new(),
            cited: HashSet::default(),
            notice_last: vec![NONE; trip.items.len() + 1],
            notice_prev: Vec::new(),
            charge_rules: vec![None; trip.items.len()],
            charge_memo: vec![None; trip.items.len()],
            urls: pack
                .sources
                .iter()
                .map(|(k, s)| (k.as_str(), Arc::from(s.url.as_str())))
                .collect(),
            rules: HashMap::new(),
        }
    }

    /// Records a figure of the pack as used, at its path.
    pub fn used<F: Cited + 'static>(&mut self, path: impl Display, fig: &'a F) {
        self.cite(fig, path, || fig.cite());
    }

    /// Records the citation of a pack item (a figure, a rule) as used, at its path. The path is
    /// built only the first time the item is cited.
    pub fn cite<T: 'static>(
        &mut self,
        item: &'a T,
        path: impl Display,
        cite: impl FnOnce() -> Cite,
    ) {
        let key = (std::ptr::from_ref(item).addr(), TypeId::of::<T>());
        if !self.cited.insert(key) {
            return;
        }
        let path = path.to_string();
        if self.figures.contains_key(&path) {
            return;
        }
        let cite = cite();
        let (url, title) = self
            .pack
            .sources
            .get(&cite.source)
            .map(|s| (s.url.clone(), s.title.clone()))
            .unwrap_or_default();
        self.figures.insert(
            path.clone(),
            FigureUse {
                path,
                url,
                title,
                from: cite.from,
                confidence: cite.confidence,
            },
        );
    }

    /// The URL of a source key.
    pub fn url(&self, source: &str) -> Option<Arc<str>> {
        self.urls.get(source).cloned()
    }

    /// A rule path as the lines it decides share it.
    pub fn rule(&mut self, path: &str) -> Arc<str> {
        if let Some(r) = self.rules.get(path) {
            return Arc::clone(r);
        }
        let r: Arc<str> = Arc::from(path);
        self.rules.insert(path.to_owned(), Arc::clone(&r));
        r
    }

    /// Converts a pack figure into the pack currency, recording it as used.
    pub fn money(&mut self, path: impl Display, fig: &'a MoneyFig) -> Result<Decimal, InputError> {
        self.used(path, fig);
        self.to_pack_currency(fig.amount, fig.currency, "rates")
    }

    /// Converts an amount into the pack currency, rounding as the pack says; on failure, the
    /// error names `path`.
    pub fn to_pack_currency(
        &self,
        amount: Decimal,
        currency: crate::Currency,
        path: impl Display,
    ) -> Result<Decimal, InputError> {
        let conv = self
            .rates
            .convert(amount, currency, self.pack.currency)
            .map_err(|_| {
                InputError::new(
                    path.to_string(),
                    Message::new("input-missing-rate")
                        .text("currency", currency.code())
                        .text("pack", self.pack.currency.code()),
                )
            })?;
        if conv.path == crate::fx::ConversionPath::Identity {
            return Ok(amount);
        }
        Ok(self
            .pack
            .rounding
            .conversion
            .apply(conv.amount, self.pack.currency.minor_units()))
    }

    /// The charge rule of a line, looked up once.
    pub fn charge_rule(&self, line: usize) -> Option<Option<usize>> {
        self.charge_rules[line]
    }

    /// Remembers the charge rule of a line.
    pub fn set_charge_rule(&mut self, line: usize, rule: Option<usize>) {
        self.charge_rules[line] = Some(rule);
    }

    /// Adds a notice once (same code, item and message id).
    pub fn notice(
        &mut self,
        code: NoticeCode,
        severity: Severity,
        message: Message,
        item: Option<usize>,
        source: Option<Arc<str>>,
    ) {
        let slot = item.map_or(0, |i| i + 1);
        if slot >= self.notice_last.len() {
            self.notice_last.resize(slot + 1, NONE);
        }
        let mut at = self.notice_last[slot];
        while at != NONE {
            let n = &self.notices[at];
            if n.code == code && n.message == message {
                return;
            }
            at = self.notice_prev[at];
        }
        self.notice_prev.push(self.notice_last[slot]);
        self.notice_last[slot] = self.notices.len();
        self.notices.push(Notice {
            code,
            severity,
            message,
            item,
            source: source.as_deref().map(str::to_owned),
        });
    }

    /// Notices for every figure used whose confidence is not `confirmed`.
    pub fn unconfirmed_notices(&mut self) {
        let figures: Vec<FigureUse> = self.figures.values().cloned().collect();
        for f in figures {
            if f.confidence != Confidence::Confirmed {
                let msg = Message::new("notice-rule-unconfirmed")
                    .text("figure", f.path.clone())
                    .term(
                        "confidence",
                        format!("confidence-{}", f.confidence.as_str()),
                    )
                    .text("url", f.url.clone());
                self.notice(
                    NoticeCode::RuleUnconfirmed,
                    Severity::Info,
                    msg,
                    None,
                    Some(Arc::from(f.url)),
                );
            }
        }
    }
}
