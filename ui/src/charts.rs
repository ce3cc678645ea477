//! SVG charts drawn by the UI from figures the core computed: allowance use per category and
//! traveller, and spending over the trip. Only whole numbers: the shell sends percentages and
//! thousandths, the UI maps them to pixels.

use leptos::prelude::*;

use crate::wire::{Bar, Point};

/// Chart width in SVG units.
const WIDTH: u32 = 560;
/// Height of one allowance bar row.
const ROW: u32 = 44;
/// Width of the bar track.
const TRACK: u32 = 300;

/// The colour class of a use percentage.
fn level(percent: u32) -> &'static str {
    match percent {
        0..=79 => "ok",
        80..=99 => "warn",
        _ => "over",
    }
}

/// Allowance use, one bar per allowance.
pub fn bars(title: String, list: Vec<Bar>) -> impl IntoView {
    let height = ROW * u32::try_from(list.len()).unwrap_or(0).max(1);
    let rows = list
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = ROW * u32::try_from(i).unwrap_or(0);
            let filled = TRACK * b.percent.min(100) / 100;
            view! {
                <g class=format!("bar bar-{}", level(b.percent)) role="listitem"
                    aria-label=format!("{}: {}", b.label, b.detail)>
                    <text x="0" y={(y + 14).to_string()} class="bar-label">{b.label.clone()}</text>
                    <rect x="0" y={(y + 20).to_string()} width={TRACK.to_string()} height="14" rx="7" class="track"/>
                    <rect x="0" y={(y + 20).to_string()} width={filled.to_string()} height="14" rx="7" class="fill"/>
                    <text x={(TRACK + 12).to_string()} y={(y + 32).to_string()} class="bar-detail">{b.detail.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="chart bars" id="allowance-chart" role="img" aria-label=label
            viewBox={format!("0 0 {WIDTH} {height}")} width={WIDTH.to_string()} height={height.to_string()}>
            <title>{title}</title>
            <g role="list">{rows}</g>
        </svg>
    }
}

/// Spending over the trip: a line through each day's running total.
pub fn spending(title: String, points: Vec<Point>) -> impl IntoView {
    let (w, h, pad) = (WIDTH, 160u32, 24u32);
    let n = u32::try_from(points.len()).unwrap_or(0);
    let step = (w - 2 * pad) / n.saturating_sub(1).max(1);
    let at = |i: u32, p: &Point| {
        (
            pad + i * step,
            h - pad - (h - 2 * pad) * p.permille.min(1000) / 1000,
        )
    };
    let line = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, y) = at(u32::try_from(i).unwrap_or(0), p);
            format!("{x},{y}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let dots = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, y) = at(u32::try_from(i).unwrap_or(0), p);
            view! {
                <g class="point">
                    <circle cx={x.to_string()} cy={y.to_string()} r="4"><title>{format!("{}: {}", p.label, p.value)}</title></circle>
                    <text x={x.to_string()} y={(h - 4).to_string()} text-anchor="middle" class="axis">{p.label.clone()}</text>
                    <text x={x.to_string()} y={(y.saturating_sub(8)).to_string()} text-anchor="middle" class="value">{p.value.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="chart line" id="spending-chart" role="img" aria-label=label
            viewBox={format!("0 0 {w} {h}")} width={w.to_string()} height={h.to_string()}>
            <title>{title}</title>
            <line x1={pad.to_string()} y1={(h - pad).to_string()} x2={(w - pad).to_string()} y2={(h - pad).to_string()} class="axis-line"/>
            <polyline points=line class="spend" fill="none"/>
            {dots}
        </svg>
    }
}
