//! Semantic checks on a parsed pack: every figure cited, numbers in range, rules consistent.

use rust_decimal::Decimal;

use super::schema::*;
use super::PackError;
use crate::message::Message;

/// Checks a merged pack; the first problem is reported with its field path.
pub(crate) fn validate(file: &str, pack: &Pack) -> Result<(), PackError> {
    let v = Validator { file, pack };
    v.check(pack.format == 1, "format", "pack-error-format-version")?;
    let id_ok = (2..=3).contains(&pack.id.len()) && pack.id.bytes().all(|b| b.is_ascii_uppercase());
    v.check(id_ok, "id", "pack-error-id")?;
    for (key, source) in &pack.sources {
        let url_ok = source.url.starts_with("https://") || source.url.starts_with("http://");
        v.check(url_ok, &format!("sources.{key}.url"), "pack-error-url")?;
    }
    for (i, gate) in pack.stay_gates.iter().enumerate() {
        let p = format!("stay_gates[{i}]");
        v.check(
            !gate.modes.is_empty(),
            &format!("{p}.modes"),
            "pack-error-empty",
        )?;
        v.whole(&gate.min_days, &format!("{p}.min_days"))?;
    }
    if let Some(va) = &pack.value_allowance {
        v.check(
            !va.counts.is_empty(),
            "value_allowance.counts",
            "pack-error-empty",
        )?;
        v.check(
            !va.tiers.is_empty(),
            "value_allowance.tiers",
            "pack-error-empty",
        )?;
        v.cite(&va.pooling.cite(), "value_allowance.pooling")?;
        for (i, tier) in va.tiers.iter().enumerate() {
            let p = format!("value_allowance.tiers[{i}]");
            v.condition(&tier.when, &format!("{p}.when"))?;
            v.money(&tier.amount, &format!("{p}.amount"))?;
        }
    }
    if let Some(wa) = &pack.weight_allowance {
        v.check(
            !wa.tiers.is_empty(),
            "weight_allowance.tiers",
            "pack-error-empty",
        )?;
        for (i, tier) in wa.tiers.iter().enumerate() {
            let p = format!("weight_allowance.tiers[{i}]");
            v.condition(&tier.when, &format!("{p}.when"))?;
            v.positive(&tier.kg, &format!("{p}.kg"))?;
        }
    }
    for (name, qa) in &pack.quantity_allowances {
        v.quantity(qa, &format!("quantity_allowances.{name}"))?;
    }
    for (i, rule) in pack.charges.iter().enumerate() {
        v.charge(rule, &format!("charges[{i}]"))?;
    }
    if let Some(vat) = &pack.vat {
        let known = ["tax-vat", "tax-gst", "tax-consumption"].contains(&vat.name.as_str());
        v.check(known, "vat.name", "pack-error-vat-name")?;
        if let Some(rate) = &vat.rate {
            v.percent(rate, "vat.rate")?;
        }
    }
    if let Some(cash) = &pack.cash {
        v.money(&cash.threshold, "cash.threshold")?;
    }
    for (list, rules) in [
        ("must_declare", &pack.must_declare),
        ("prohibited", &pack.prohibited),
        ("not_counted", &pack.not_counted),
    ] {
        for (i, rule) in rules.iter().enumerate() {
            let p = format!("{list}[{i}]");
            v.matcher(&rule.matches, &format!("{p}.match"))?;
            v.check(
                rule.reason.starts_with("reason-"),
                &format!("{p}.reason"),
                "pack-error-term",
            )?;
            v.source(&rule.source, &format!("{p}.source"))?;
        }
    }
    for (i, r) in pack.restricted.iter().enumerate() {
        v.restriction(r, &format!("restricted[{i}]"))?;
    }
    for (i, notice) in pack.notices.iter().enumerate() {
        let p = format!("notices[{i}]");
        v.check(
            notice.message.starts_with("pack-notice-"),
            &format!("{p}.message"),
            "pack-error-term",
        )?;
        v.source(&notice.source, &format!("{p}.source"))?;
    }
    Ok(())
}

struct Validator<'a> {
    file: &'a str,
    pack: &'a Pack,
}

impl Validator<'_> {
    fn fail(&self, field: &str, id: &'static str) -> PackError {
        PackError::new(self.file, field, Message::new(id))
    }

    fn check(&self, ok: bool, field: &str, id: &'static str) -> Result<(), PackError> {
        if ok {
            Ok(())
        } else {
            Err(self.fail(field, id))
        }
    }

    fn source(&self, key: &str, field: &str) -> Result<(), PackError> {
        if self.pack.sources.contains_key(key) {
            Ok(())
        } else {
            Err(PackError::new(
                self.file,
                field,
                Message::new("pack-error-unknown-source").text("detail", key.to_owned()),
            ))
        }
    }

    fn cite(&self, cite: &Cite, field: &str) -> Result<(), PackError> {
        self.source(&cite.source, &format!("{field}.source"))
    }

    fn number(&self, fig: &NumFig, field: &str, max: Decimal) -> Result<(), PackError> {
        self.cite(&fig.cite(), field)?;
        let ok = fig.value >= Decimal::ZERO && fig.value <= max;
        self.check(ok, &format!("{field}.value"), "pack-error-range")
    }

    fn positive(&self, fig: &NumFig, field: &str) -> Result<(), PackError> {
        self.number(fig, field, Decimal::from(1_000_000_000))?;
        self.check(
            fig.value > Decimal::ZERO,
            &format!("{field}.value"),
            "pack-error-range",
        )
    }

    fn percent(&self, fig: &NumFig, field: &str) -> Result<(), PackError> {
        self.number(fig, field, Decimal::from(1000))
    }

    fn whole(&self, fig: &NumFig, field: &str) -> Result<(), PackError> {
        self.number(fig, field, Decimal::from(1000))?;
        self.check(
            fig.value.fract().is_zero(),
            &format!("{field}.value"),
            "pack-error-whole",
        )
    }

    fn money(&self, fig: &MoneyFig, field: &str) -> Result<(), PackError> {
        self.cite(&fig.cite(), field)?;
        let ok = fig.amount >= Decimal::ZERO && fig.amount <= Decimal::from(1_000_000_000_000u64);
        self.check(ok, &format!("{field}.amount"), "pack-error-range")
    }

    fn condition(&self, c: &Condition, field: &str) -> Result<(), PackError> {
        for (name, fig) in [
            ("min_age", &c.min_age),
            ("max_age", &c.max_age),
            ("min_days_abroad", &c.min_days_abroad),
            ("max_days_abroad", &c.max_days_abroad),
        ] {
            if let Some(fig) = fig {
                self.whole(fig, &format!("{field}.{name}"))?;
            }
        }
        Ok(())
    }

    fn matcher(&self, m: &ItemMatch, field: &str) -> Result<(), PackError> {
        self.check(
            !m.kinds.is_empty(),
            &format!("{field}.kinds"),
            "pack-error-empty",
        )?;
        if let Some(fig) = &m.value_at_most {
            self.money(fig, &format!("{field}.value_at_most"))?;
        }
        Ok(())
    }

    fn age_gate(&self, gate: &Option<AgeGate>, field: &str) -> Result<(), PackError> {
        match gate {
            Some(g) => self.whole(&g.age, &format!("{field}.age")),
            None => Ok(()),
        }
    }

    fn quantity(&self, qa: &QuantityAllowance, field: &str) -> Result<(), PackError> {
        self.check(
            !qa.members.is_empty(),
            &format!("{field}.members"),
            "pack-error-empty",
        )?;
        self.check(
            qa.attach != Attach::Indivisible,
            &format!("{field}.attach"),
            "pack-error-attach",
        )?;
        self.condition(&qa.when, &format!("{field}.when"))?;
        self.age_gate(&qa.min_age, &format!("{field}.min_age"))?;
        for (name, member) in &qa.members {
            let p = format!("{field}.members.{name}");
            self.matcher(&member.matches, &format!("{p}.match"))?;
            let units_ok = member.matches.kinds.iter().all(|k| k.unit() == member.unit);
            self.check(units_ok, &format!("{p}.unit"), "pack-error-unit")?;
            self.age_gate(&member.min_age, &format!("{p}.min_age"))?;
            match (&member.limit, qa.combine) {
                (Some(limit), Combine::Fractions) => self.positive(limit, &format!("{p}.limit"))?,
                (None, Combine::Fractions) => {
                    return Err(self.fail(&format!("{p}.limit"), "pack-error-missing"))
                }
                (_, Combine::Options) => {}
            }
        }
        if qa.combine == Combine::Options {
            self.check(
                !qa.options.is_empty(),
                &format!("{field}.options"),
                "pack-error-empty",
            )?;
            for (i, option) in qa.options.iter().enumerate() {
                let p = format!("{field}.options[{i}]");
                self.source(&option.source, &format!("{p}.source"))?;
                for (member, limit) in &option.limits {
                    let ok = qa.members.contains_key(member) && *limit >= Decimal::ZERO;
                    self.check(ok, &format!("{p}.limits.{member}"), "pack-error-option")?;
                }
            }
        }
        if let Some(cap) = &qa.max_quantity {
            self.check(
                qa.members.len() == 1,
                &format!("{field}.max_quantity"),
                "pack-error-cap",
            )?;
            self.positive(cap, &format!("{field}.max_quantity"))?;
        }
        if let Some(expr) = &qa.excess_charge {
            self.expr(expr, &format!("{field}.excess_charge"))?;
        }
        Ok(())
    }

    fn restriction(&self, r: &Restriction, field: &str) -> Result<(), PackError> {
        self.check(
            !(r.kinds.is_empty() && r.hs_prefixes.is_empty()),
            &format!("{field}.kinds"),
            "pack-error-empty",
        )?;
        for (i, prefix) in r.hs_prefixes.iter().enumerate() {
            let ok = (2..=10).contains(&prefix.len()) && prefix.bytes().all(|b| b.is_ascii_digit());
            self.check(
                ok,
                &format!("{field}.hs_prefixes[{i}]"),
                "pack-error-hs-prefix",
            )?;
        }
        self.check(
            !r.authority.trim().is_empty(),
            &format!("{field}.authority"),
            "pack-error-empty",
        )?;
        self.cite(&r.cite(), field)
    }

    fn expr(&self, e: &Expr, field: &str) -> Result<(), PackError> {
        match e {
            Expr::Percent(f) => self.percent(f, &format!("{field}.percent")),
            Expr::PerUnit { amount, .. } => self.money(amount, &format!("{field}.per_unit.amount")),
            Expr::Max(list) | Expr::Sum(list) => {
                self.check(!list.is_empty(), field, "pack-error-empty")?;
                for (i, x) in list.iter().enumerate() {
                    self.expr(x, &format!("{field}[{i}]"))?;
                }
                Ok(())
            }
        }
    }

    fn charge(&self, rule: &ChargeRule, field: &str) -> Result<(), PackError> {
        self.matcher(&rule.matches, &format!("{field}.match"))?;
        if let Some(single) = &rule.single {
            let alone = rule.duty == Duty::None && rule.excise == Component::None && !rule.vat;
            self.check(alone, &format!("{field}.single"), "pack-error-single")?;
            self.expr(single, &format!("{field}.single"))?;
        }
        match &rule.duty {
            Duty::Tariff { estimate: Some(f) } => {
                self.percent(f, &format!("{field}.duty.tariff.estimate"))?
            }
            Duty::Flat { rate, up_to } => {
                self.percent(rate, &format!("{field}.duty.flat.rate"))?;
                self.money(up_to, &format!("{field}.duty.flat.up_to"))?;
            }
            Duty::Band { rate, width } => {
                self.percent(rate, &format!("{field}.duty.band.rate"))?;
                self.money(width, &format!("{field}.duty.band.width"))?;
            }
            Duty::Expr(e) => self.expr(e, &format!("{field}.duty.expr"))?,
            _ => {}
        }
        if let Component::Expr(e) = &rule.excise {
            self.expr(e, &format!("{field}.excise.expr"))?;
        }
        if rule.vat {
            self.check(
                self.pack.vat.is_some(),
                &format!("{field}.vat"),
                "pack-error-no-vat",
            )?;
        }
        Ok(())
    }
}
