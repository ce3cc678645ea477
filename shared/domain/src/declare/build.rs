//! Building a declaration from a trip, its assessment and the pack.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{
    count, CashDeclaration, CashHolding, Charges, DeclTraveller, DeclareError, DeclaredItem,
    Guardian, GuardianBy, PassengerDeclaration, PermitNeed, Quantity, Reason, ADULT_AGE, FORMAT,
};
use crate::assess::{Assessment, Channel, ItemResult, ItemStatus, NoticeCode};
use crate::currency::Currency;
use crate::kind::{Kind, Unit};
use crate::message::Message;
use crate::money::Money;
use crate::pack::{CashPer, Confidence, Pack, Restriction};
use crate::trip::{Item, Trip};

type Res<T> = Result<T, DeclareError>;

impl PassengerDeclaration {
    /// Builds the declaration of a trip from its assessment against `pack`.
    ///
    /// Fails when the three do not belong together (another jurisdiction, pack version or item
    /// list) or when a guardian named in the trip is not in the party or is not an adult.
    pub fn from_trip(trip: &Trip, assessment: &Assessment, pack: &Pack) -> Res<Self> {
        check_match(trip, assessment, pack)?;
        let n = trip.travellers.len();
        let adult = |i: usize| trip.travellers[i].age >= ADULT_AGE;
        let first_adult = (0..n).find(|&i| adult(i));
        let mut notices = Vec::new();

        // Guardians: a named one must be an adult of the party; else the first adult.
        let mut travellers = Vec::with_capacity(n);
        let mut carrier_of = Vec::with_capacity(n);
        for (i, t) in trip.travellers.iter().enumerate() {
            let path = format!("travellers[{i}].guardian");
            let guardian = match t.guardian {
                Some(g) if g >= n || g == i => {
                    return Err(DeclareError::new(
                        path,
                        Message::new("declare-error-guardian-not-in-party")
                            .text("traveller", t.id.clone()),
                    ))
                }
                Some(g) if !adult(g) => {
                    let gt = &trip.travellers[g];
                    return Err(DeclareError::new(
                        path,
                        Message::new("declare-error-guardian-minor")
                            .text("traveller", t.id.clone())
                            .text("guardian", gt.id.clone())
                            .int("age", i64::from(gt.age))
                            .int("adult", i64::from(ADULT_AGE)),
                    ));
                }
                _ if adult(i) => None,
                Some(g) => Some(Guardian {
                    traveller: g,
                    by: GuardianBy::Named,
                }),
                None => first_adult.map(|g| Guardian {
                    traveller: g,
                    by: GuardianBy::FirstAdult,
                }),
            };
            carrier_of.push(guardian.map_or(i, |g| g.traveller));
            travellers.push(DeclTraveller {
                id: t.id.clone(),
                age: t.age,
                guardian,
            });
        }
        let declarant = first_adult.unwrap_or(0);
        if first_adult.is_none() {
            notices.push(
                Message::new("declare-notice-no-adult")
                    .text("traveller", trip.travellers[0].id.clone())
                    .int("adult", i64::from(ADULT_AGE)),
            );
        }

        let mut goods = Vec::new();
        let mut unaccompanied = Vec::new();
        let min_stay_unmet = assessment.has_notice(NoticeCode::MinStayNotMet);
        for (idx, (item, res)) in trip.items.iter().zip(&assessment.items).enumerate() {
            if item.kind == Kind::Cash {
                continue;
            }
            let permits: Vec<PermitNeed> = pack
                .restricted
                .iter()
                .enumerate()
                .filter(|(_, r)| restricts(r, item))
                .map(|(rule, r)| PermitNeed {
                    permit: r.permit,
                    authority: r.authority.clone(),
                    rule,
                })
                .collect();
            let reasons = reasons(assessment, idx, res, min_stay_unmet, !permits.is_empty());
            if !item.unaccompanied && reasons.is_empty() {
                continue;
            }
            for p in &permits {
                let r = &pack.restricted[p.rule];
                if r.confidence != Confidence::Confirmed {
                    notices.push(
                        Message::new("declare-notice-restriction-unconfirmed")
                            .int("item", count(idx + 1))
                            .text("description", item.description.clone())
                            .term(
                                "confidence",
                                format!("confidence-{}", r.confidence.as_str()),
                            ),
                    );
                }
            }
            let carrier = carrier_of[item.traveller];
            let declared = DeclaredItem {
                item: idx,
                description: item.description.clone(),
                kind: item.kind,
                quantity: quantity(item),
                value: item.value.zip(item.currency).map(|(a, c)| Money::new(a, c)),
                carrier,
                owner: (carrier != item.traveller).then_some(item.traveller),
                charges: charges(res.duty, res.vat, res.excise, res.other),
                reasons,
                permits,
            };
            if item.unaccompanied {
                unaccompanied.push(declared);
            } else {
                goods.push(declared);
            }
        }

        let cash = cash(trip, assessment, pack, &carrier_of, declarant);

        // Say where a minor's declared goods went to a guardian the trip did not name.
        for (i, t) in travellers.iter().enumerate() {
            let Some(Guardian {
                traveller: g,
                by: GuardianBy::FirstAdult,
            }) = t.guardian
            else {
                continue;
            };
            let moved = goods
                .iter()
                .chain(&unaccompanied)
                .any(|d| d.owner == Some(i))
                || cash
                    .as_ref()
                    .is_some_and(|c| c.holdings.iter().any(|h| h.owner == Some(i)));
            if moved {
                notices.push(
                    Message::new("declare-notice-guardian-first-adult")
                        .text("traveller", t.id.clone())
                        .text("guardian", travellers[g].id.clone()),
                );
            }
        }
        // The assessment's notices that matter at the border: not the app's own doubts, and not
        // the cash notice, which the cash section states.
        notices.extend(
            assessment
                .notices
                .iter()
                .filter(|n| {
                    !matches!(
                        n.code,
                        NoticeCode::RuleUnconfirmed
                            | NoticeCode::Jurisdiction
                            | NoticeCode::CashDeclarationRequired
                    )
                })
                .map(|n| n.message.clone()),
        );

        let mut declaration = PassengerDeclaration {
            format: FORMAT,
            jurisdiction: pack.id.clone(),
            pack_valid_from: pack.valid_from,
            currency: pack.currency,
            arrival: trip.arrival,
            mode: trip.mode,
            declarant,
            travellers,
            goods,
            unaccompanied,
            cash,
            totals: charges(
                assessment.duty,
                assessment.vat,
                assessment.excise,
                assessment.other,
            ),
            complete: assessment.complete,
            vat_name: pack
                .vat
                .as_ref()
                .map_or_else(|| "tax-vat".to_owned(), |v| v.name.clone()),
            channel: Channel::Green,
            notices,
        };
        if declaration.is_needed() {
            declaration.channel = Channel::Red;
        }
        Ok(declaration)
    }
}

/// The trip, the assessment and the pack must describe the same arrival.
fn check_match(trip: &Trip, a: &Assessment, pack: &Pack) -> Res<()> {
    if !trip.jurisdiction.eq_ignore_ascii_case(&pack.id) {
        return Err(DeclareError::new(
            "jurisdiction",
            Message::new("declare-error-pack-mismatch")
                .text("trip", trip.jurisdiction.clone())
                .text("pack", pack.id.clone()),
        ));
    }
    let mismatch = |field: &str| {
        DeclareError::new(
            "assessment",
            Message::new("declare-error-assessment-mismatch").text("field", field.to_owned()),
        )
    };
    if a.jurisdiction != pack.id || a.currency != pack.currency {
        return Err(mismatch("jurisdiction"));
    }
    if a.pack_valid_from != pack.valid_from {
        return Err(mismatch("pack_valid_from"));
    }
    if a.arrival != trip.arrival {
        return Err(mismatch("arrival"));
    }
    if a.items.len() != trip.items.len() {
        return Err(mismatch("items"));
    }
    for (i, (item, res)) in trip.items.iter().zip(&a.items).enumerate() {
        let same = res.index == i
            && res.kind == item.kind
            && res.description == item.description
            && trip.travellers.get(item.traveller).map(|t| t.id.as_str()) == Some(&*res.traveller);
        if !same {
            return Err(mismatch(&format!("items[{i}]")));
        }
    }
    Ok(())
}

/// Whether a pack restriction applies to an item: by kind, or by the start of its HS code.
fn restricts(r: &Restriction, item: &Item) -> bool {
    r.kinds.contains(&item.kind)
        || item
            .hs_code
            .as_deref()
            .is_some_and(|code| r.hs_prefixes.iter().any(|p| code.starts_with(p.as_str())))
}

/// Why an item is declared, from its assessed status, its notices and its restrictions.
fn reasons(
    a: &Assessment,
    idx: usize,
    res: &ItemResult,
    min_stay_unmet: bool,
    restricted: bool,
) -> Vec<Reason> {
    let mut out = Vec::new();
    match res.status {
        ItemStatus::Dutiable => {
            let uncovered = res
                .explanation
                .iter()
                .any(|m| m.id == "step-no-allowance-for-kind");
            out.push(if uncovered || min_stay_unmet {
                Reason::Dutiable
            } else {
                Reason::OverAllowance
            });
        }
        ItemStatus::NotAllowed => out.push(Reason::NotAllowed),
        ItemStatus::DeclareOnly => out.push(Reason::MustDeclare),
        ItemStatus::Exempt | ItemStatus::NotCounted => {}
    }
    let must = a
        .notices
        .iter()
        .any(|n| n.code == NoticeCode::MustDeclareItem && n.item == Some(idx));
    if must && !out.contains(&Reason::MustDeclare) {
        out.push(Reason::MustDeclare);
    }
    if restricted {
        out.push(Reason::Restricted);
    }
    out.sort_unstable();
    out
}

/// The item's quantity in its kind's unit, else the first quantity it gives.
fn quantity(item: &Item) -> Option<Quantity> {
    let given = [
        (Unit::Litres, item.litres),
        (Unit::Pieces, item.count),
        (Unit::Grams, item.grams),
        (Unit::Millilitres, item.ml),
        (Unit::Kilograms, item.weight_kg),
    ];
    let own = item.kind.unit();
    given
        .iter()
        .find(|(u, a)| *u == own && a.is_some())
        .or_else(|| given.iter().find(|(_, a)| a.is_some()))
        .and_then(|(unit, amount)| {
            amount.map(|amount| Quantity {
                amount,
                unit: *unit,
            })
        })
}

fn charges(duty: Decimal, vat: Decimal, excise: Decimal, other: Decimal) -> Charges {
    Charges {
        duty,
        vat,
        excise,
        total: duty + vat + excise + other,
    }
}

/// Cash the assessment found at or over the threshold, grouped as the pack counts it.
fn cash(
    trip: &Trip,
    a: &Assessment,
    pack: &Pack,
    carrier_of: &[usize],
    declarant: usize,
) -> Option<CashDeclaration> {
    let rule = pack.cash.as_ref()?;
    let declared: Vec<usize> = (0..trip.items.len())
        .filter(|&i| {
            trip.items[i].kind == Kind::Cash && a.items[i].status == ItemStatus::DeclareOnly
        })
        .collect();
    if declared.is_empty() {
        return None;
    }
    // Group by owner (per traveller) or all together (per party).
    let mut groups: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for &i in &declared {
        let key = match rule.per {
            CashPer::Traveller => Some(trip.items[i].traveller),
            CashPer::Party => None,
        };
        groups.entry(key).or_default().push(i);
    }
    let holdings = groups
        .into_iter()
        .map(|(owner, lines)| {
            let mut amounts: BTreeMap<&str, (Currency, Decimal)> = BTreeMap::new();
            let mut total = Decimal::ZERO;
            for &i in &lines {
                let item = &trip.items[i];
                if let (Some(v), Some(c)) = (item.value, item.currency) {
                    amounts.entry(c.code()).or_insert((c, Decimal::ZERO)).1 += v;
                }
                total += a.items[i].customs_value.unwrap_or_default();
            }
            let carrier = owner.map_or(declarant, |o| carrier_of[o]);
            CashHolding {
                carrier,
                owner: owner.filter(|&o| o != carrier),
                amounts: amounts
                    .into_values()
                    .map(|(c, v)| Money::new(v, c))
                    .collect(),
                total,
            }
        })
        .collect();
    Some(CashDeclaration {
        threshold: Money::new(rule.threshold.amount, rule.threshold.currency),
        compare: rule.compare,
        per: rule.per,
        holdings,
    })
}
