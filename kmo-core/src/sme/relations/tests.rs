use super::*;
use crate::error::{InputError, InputErrorCode as E};
use crate::sme::thresholds::ExactFigures;
use crate::units::{Money, Percent};
use rust_decimal::Decimal;

fn pct(n: i64) -> Percent {
    Percent::from_decimal(Decimal::from(n)).unwrap()
}

#[test]
fn codes_references_and_paths() {
    assert_eq!(EntityKind::Enterprise.code(), "enterprise");
    assert_eq!(
        EntityKind::LocalAuthority {
            annual_budget: Money::ZERO,
            inhabitants: 0
        }
        .code(),
        "local_authority"
    );
    assert_eq!(
        Relation::Partner.reference(),
        "REC-2003/361 art. 3(2), art. 6(2)"
    );
    assert_eq!(
        Relation::LinkedToPartner.reference(),
        "REC-2003/361 art. 6(3)"
    );
    assert_eq!(Relation::PublicBody.reference(), "REC-2003/361 art. 3(4)");
    let p = GraphPaths::under("periods[2]");
    assert_eq!(
        (
            p.entities.as_str(),
            p.holdings.as_str(),
            p.controls.as_str()
        ),
        (
            "periods[2].entities",
            "periods[2].holdings",
            "periods[2].controls"
        )
    );
    assert_eq!(GraphPaths::under("").holdings, "holdings");
}

#[test]
fn holdings_are_checked_through_the_typed_api_too() {
    let me = Entity {
        figures: Some(ExactFigures::default()),
        ..Entity::new("A", EntityKind::Enterprise)
    };
    let hold = |held: &str, capital: i64| Ownership {
        entities: vec![
            Entity::new("P", EntityKind::NaturalPerson),
            Entity::new("G", EntityKind::PublicBody),
        ],
        holdings: vec![Holding {
            holder: "A".into(),
            held: held.into(),
            capital: pct(capital),
            votes: Percent::ZERO,
        }],
        controls: vec![],
    };
    for held in ["P", "G"] {
        let e = aggregate(&me, &hold(held, 10)).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (E::InconsistentInput, "holdings[0].held"),
            "{held}"
        );
    }
    // A share outside 0–100 cannot be built at all: the type refuses it with the code the
    // document gets.
    for capital in [101, -1] {
        let e = Percent::from_decimal(Decimal::from(capital)).unwrap_err();
        assert_eq!(e.code, E::PercentOutOfRange, "{capital}");
    }
}

/// A small graph around the enterprise `A` (market `m`): entities by id and kind, with
/// figures of one AWU for enterprises.
fn graph(
    entities: &[(&str, EntityKind, Option<&str>)],
    holdings: &[(&str, &str, i64, i64)],
    controls: &[(&str, &str)],
) -> Aggregation {
    try_graph(entities, holdings, controls).unwrap()
}

/// Enterprise A (market `m`) and the graph around it, aggregated.
fn try_graph(
    entities: &[(&str, EntityKind, Option<&str>)],
    holdings: &[(&str, &str, i64, i64)],
    controls: &[(&str, &str)],
) -> Result<Aggregation, InputError> {
    let figures = ExactFigures {
        staff: Decimal::ONE,
        turnover: Decimal::ONE,
        balance_sheet: Decimal::ONE,
    };
    let subject = Entity {
        figures: Some(figures),
        market: Some("m".into()),
        ..Entity::new("A", EntityKind::Enterprise)
    };
    let ownership = Ownership {
        entities: entities
            .iter()
            .map(|(id, kind, market)| Entity {
                figures: kind.is_enterprise().then_some(figures),
                market: market.map(String::from),
                ..Entity::new(*id, kind.clone())
            })
            .collect(),
        holdings: holdings
            .iter()
            .map(|(holder, held, capital, votes)| Holding {
                holder: (*holder).into(),
                held: (*held).into(),
                capital: pct(*capital),
                votes: pct(*votes),
            })
            .collect(),
        controls: controls
            .iter()
            .map(|(holder, held)| Control {
                holder: (*holder).into(),
                held: (*held).into(),
                right: ControlRight::BoardMajority,
            })
            .collect(),
    };
    aggregate(&subject, &ownership)
}

fn relation(a: &Aggregation, id: &str) -> Option<Relation> {
    a.contributions
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.relation)
}

#[test]
fn capital_and_votes_are_each_capped_at_100_percent() {
    let me = Entity {
        figures: Some(ExactFigures::default()),
        ..Entity::new("A", EntityKind::Enterprise)
    };
    // Two holders of A with (capital, votes) each: summed separately, each up to 100 %.
    for (capital, votes, refused) in [(60, 10, true), (10, 60, true), (50, 50, false)] {
        let graph = Ownership {
            entities: vec![
                Entity::new("P", EntityKind::NaturalPerson),
                Entity::new("Q", EntityKind::NaturalPerson),
            ],
            holdings: ["P", "Q"]
                .iter()
                .map(|holder| Holding {
                    holder: (*holder).into(),
                    held: "A".into(),
                    capital: pct(capital),
                    votes: pct(votes),
                })
                .collect(),
            controls: vec![],
        };
        let outcome = aggregate(&me, &graph);
        assert_eq!(
            outcome.err().map(|e| (e.code, e.path)),
            refused.then(|| (E::InconsistentInput, "holdings[1]".to_string())),
            "{capital} {votes}"
        );
    }
}

#[test]
fn natural_persons_link_enterprises_they_control_in_one_market() {
    use EntityKind::{Enterprise as E_, NaturalPerson as P_};
    let people = |b_votes: i64| {
        graph(
            &[("P", P_, None), ("B", E_, Some("m"))],
            &[("P", "A", 60, 60), ("P", "B", b_votes, b_votes)],
            &[],
        )
    };
    // More than half of the votes controls (art. 3(3)(a)); exactly half does not.
    assert_eq!(relation(&people(51), "B"), Some(Relation::Linked));
    assert_ne!(relation(&people(50), "B"), Some(Relation::Linked));
    // A control right links without votes.
    let right = graph(
        &[("P", P_, None), ("B", E_, Some("m"))],
        &[("P", "A", 60, 60)],
        &[("P", "B")],
    );
    assert_eq!(relation(&right, "B"), Some(Relation::Linked));
    // Another person's majority in B does not count for P.
    let other = graph(
        &[("P", P_, None), ("Q", P_, None), ("B", E_, Some("m"))],
        &[("P", "A", 60, 60), ("Q", "B", 60, 60)],
        &[],
    );
    assert_ne!(relation(&other, "B"), Some(Relation::Linked));
    // Nor does P's control right over another enterprise.
    let right_elsewhere = graph(
        &[("P", P_, None), ("X", E_, Some("y")), ("B", E_, Some("m"))],
        &[("P", "A", 60, 60)],
        &[("P", "X")],
    );
    assert_ne!(relation(&right_elsewhere, "B"), Some(Relation::Linked));
}

#[test]
fn exempt_investors_and_enterprises_linked_to_a_partner() {
    use EntityKind::{Enterprise as E_, VentureCapital as V_};
    // An exempt investor with 25–50 % is not a partner, unless the enterprise holds 25 %
    // or more of it (art. 3(2)).
    let investor = |down: i64| {
        let mut holdings = vec![("V", "A", 30, 30)];
        if down > 0 {
            holdings.push(("A", "V", down, down));
        }
        relation(&graph(&[("V", V_, Some("v"))], &holdings, &[]), "V")
    };
    assert_eq!(investor(0), Some(Relation::ExemptInvestor));
    assert_eq!(investor(24), Some(Relation::ExemptInvestor));
    assert_eq!(investor(25), Some(Relation::Partner));
    // B holds 30 % of A and controls C: B is a partner, C is linked to the partner.
    let group = graph(
        &[("B", E_, Some("z")), ("C", E_, Some("z2"))],
        &[("B", "A", 30, 30), ("B", "C", 60, 60)],
        &[],
    );
    assert_eq!(relation(&group, "B"), Some(Relation::Partner));
    assert_eq!(relation(&group, "C"), Some(Relation::LinkedToPartner));
}

#[test]
fn holders_that_are_not_added_say_what_they_are() {
    use EntityKind::{NaturalPerson as P_, PublicBody as G_};
    let small_town = EntityKind::LocalAuthority {
        annual_budget: Money::from_euro(1_000_000),
        inhabitants: 4_000,
    };
    let a = graph(
        &[
            ("P", P_, None),
            ("G", G_, None),
            ("L", small_town.clone(), None),
        ],
        &[("P", "A", 20, 20), ("G", "A", 10, 10), ("L", "A", 30, 30)],
        &[],
    );
    assert_eq!(relation(&a, "P"), Some(Relation::NaturalPerson));
    assert_eq!(relation(&a, "G"), Some(Relation::PublicBody));
    assert_eq!(relation(&a, "L"), Some(Relation::ExemptInvestor));
    // A small local authority controlled by a public body counts as public.
    let b = graph(
        &[("G", G_, None), ("L", small_town, None)],
        &[("G", "L", 60, 60), ("L", "A", 30, 30)],
        &[],
    );
    assert_eq!(relation(&b, "L"), Some(Relation::PublicBody));
    assert_eq!(b.public_share, pct(30));
}

#[test]
fn a_control_cycle_names_the_entities_on_it() {
    use EntityKind::Enterprise as E_;
    let e = try_graph(
        &[("B", E_, None), ("C", E_, None), ("D", E_, None)],
        &[("B", "C", 60, 60), ("C", "B", 60, 60), ("D", "A", 60, 60)],
        &[],
    )
    .unwrap_err();
    assert_eq!(e.code, E::InconsistentInput);
    let message = e.message(crate::Lang::En);
    assert!(message.contains("through B, C;"), "{message}");
}

#[test]
fn a_publicly_controlled_enterprise_keeps_its_own_relation() {
    use EntityKind::{Enterprise as E_, PublicBody as G_};
    let a = graph(
        &[("G", G_, None), ("C", E_, Some("x"))],
        &[("G", "C", 60, 60), ("C", "A", 10, 10)],
        &[],
    );
    assert_eq!(relation(&a, "C"), Some(Relation::NotCounted));
    assert_eq!(a.public_share, pct(10));
}

#[test]
fn public_bodies_control_through_votes_rights_and_chains() {
    use EntityKind::{Enterprise as E_, NaturalPerson as P_, PublicBody as G_};
    let through_c = |g_votes: i64| {
        graph(
            &[("G", G_, None), ("C", E_, Some("x"))],
            &[("G", "C", g_votes, g_votes), ("C", "A", 30, 30)],
            &[],
        )
        .public_share
    };
    assert_eq!(through_c(51), pct(30));
    assert_eq!(through_c(50), Percent::ZERO);
    let by_right = graph(
        &[("G", G_, None), ("C", E_, Some("x"))],
        &[("C", "A", 30, 30)],
        &[("G", "C")],
    );
    assert_eq!(by_right.public_share, pct(30));
    // A public body's majority elsewhere does not make a privately held C public.
    let elsewhere = graph(
        &[
            ("G", G_, None),
            ("X", E_, Some("y")),
            ("P", P_, None),
            ("C", E_, Some("x")),
        ],
        &[("G", "X", 60, 60), ("P", "C", 60, 60), ("C", "A", 30, 30)],
        &[],
    );
    assert_eq!(elsewhere.public_share, Percent::ZERO);
    let right_elsewhere = graph(
        &[("G", G_, None), ("X", E_, Some("y")), ("C", E_, Some("x"))],
        &[("C", "A", 30, 30)],
        &[("G", "X")],
    );
    assert_eq!(right_elsewhere.public_share, Percent::ZERO);
    // Indirect control through a chain listed backwards needs more than one pass.
    let chain = graph(
        &[
            ("C2", E_, Some("x")),
            ("C1", E_, Some("y")),
            ("G", G_, None),
        ],
        &[
            ("G", "C1", 60, 60),
            ("C1", "C2", 60, 60),
            ("C2", "A", 30, 30),
        ],
        &[],
    );
    assert_eq!(chain.public_share, pct(30));
    // No public body at all: no public share (and the search ends).
    let none = graph(&[("P", P_, None)], &[("P", "A", 30, 30)], &[]);
    assert_eq!(none.public_share, Percent::ZERO);
}

#[test]
fn votes_held_with_controlled_enterprises_count_for_control() {
    use EntityKind::{Enterprise as E_, NaturalPerson as P_};
    // X controls Y; X and Y each hold 30 % of A's votes: X controls 60 % of them, directly
    // and through Y (art. 3(3)), so A, X and Y are one linked group.
    let upstream = graph(
        &[("X", E_, None), ("Y", E_, None)],
        &[("X", "Y", 60, 60), ("X", "A", 30, 30), ("Y", "A", 30, 30)],
        &[],
    );
    assert_eq!(relation(&upstream, "X"), Some(Relation::Linked));
    assert_eq!(relation(&upstream, "Y"), Some(Relation::Linked));
    assert_eq!(upstream.figures.staff, Decimal::from(3));
    // Exactly half together is a partnership, at the group's 50 %.
    let half = graph(
        &[("X", E_, None), ("Y", E_, None)],
        &[("X", "Y", 60, 60), ("X", "A", 25, 25), ("Y", "A", 25, 25)],
        &[],
    );
    assert_eq!(relation(&half, "X"), Some(Relation::Partner));
    assert_eq!(half.figures.staff, Decimal::ONE + Decimal::ONE);
    // Downstream: A controls L; A and L each hold 30 % of B: B is linked to A.
    let downstream = graph(
        &[("L", E_, None), ("B", E_, None)],
        &[("A", "L", 60, 60), ("A", "B", 30, 30), ("L", "B", 30, 30)],
        &[],
    );
    assert_eq!(relation(&downstream, "B"), Some(Relation::Linked));
    // Through two levels: A controls L, L controls M; A, L and M hold 20 % of B each.
    let deeper = graph(
        &[("L", E_, None), ("M", E_, None), ("B", E_, None)],
        &[
            ("A", "L", 60, 60),
            ("L", "M", 60, 60),
            ("A", "B", 20, 20),
            ("L", "B", 20, 20),
            ("M", "B", 20, 20),
        ],
        &[],
    );
    assert_eq!(relation(&deeper, "B"), Some(Relation::Linked));
    // A natural person controls what it holds together with the enterprises it controls: P
    // holds 60 % of Z; P and Z each hold 30 % of A; Z and A in one market are linked.
    let person = |market: Option<&'static str>| {
        graph(
            &[("P", P_, None), ("Z", E_, market)],
            &[("P", "Z", 60, 60), ("P", "A", 30, 30), ("Z", "A", 30, 30)],
            &[],
        )
    };
    assert_eq!(relation(&person(Some("m")), "Z"), Some(Relation::Linked));
    // In an unrelated market, Z stays what its 30 % makes it: a partner.
    assert_eq!(
        relation(&person(Some("other")), "Z"),
        Some(Relation::Partner)
    );
}

#[test]
fn a_small_local_authority_is_exempt_only_while_it_does_not_control_the_enterprise() {
    use EntityKind::{Enterprise as E_, PublicBody as G_};
    let town = |inhabitants| EntityKind::LocalAuthority {
        annual_budget: Money::from_euro(9_900_000),
        inhabitants,
    };
    // Up to 50 % without control: exempt (art. 3(2) second subparagraph).
    for stake in [30, 50] {
        let a = graph(
            &[("M", town(4_999), None)],
            &[("M", "A", stake, stake)],
            &[],
        );
        assert_eq!(
            relation(&a, "M"),
            Some(Relation::ExemptInvestor),
            "{stake} %"
        );
        assert_eq!(a.public_share, pct(0), "{stake} %");
    }
    // A majority of the votes, or a control right: linked to the enterprise, so a public body
    // with its whole stake (art. 3(4)).
    for (stake, rights) in [(51, vec![]), (100, vec![]), (30, vec![("M", "A")])] {
        let a = graph(
            &[("M", town(4_999), None)],
            &[("M", "A", stake, stake)],
            &rights,
        );
        assert_eq!(relation(&a, "M"), Some(Relation::PublicBody), "{stake} %");
        assert_eq!(a.public_share, pct(stake), "{stake} %");
    }
    // Two small authorities controlling it jointly are linked to it jointly: neither is exempt.
    let joint = graph(
        &[("M", town(4_000), None), ("N", town(3_000), None)],
        &[("M", "A", 30, 30), ("N", "A", 30, 30)],
        &[],
    );
    assert_eq!(joint.public_share, pct(60));
    // Control through an enterprise the authority controls counts too.
    let through = graph(
        &[("M", town(4_999), None), ("X", E_, Some("x"))],
        &[("M", "X", 60, 60), ("X", "A", 30, 30), ("M", "A", 25, 25)],
        &[],
    );
    assert_eq!(through.public_share, pct(55));
    // An enterprise a small authority controls is public: its stake in the enterprise counts,
    // even though the authority itself holds nothing of it.
    let controlled = graph(
        &[("M", town(4_999), None), ("X", E_, Some("x"))],
        &[("M", "X", 60, 60), ("X", "A", 30, 30)],
        &[],
    );
    assert_eq!(controlled.public_share, pct(30));
    // So is one it controls jointly with another public body (NMI, C-516/19).
    let jointly = graph(
        &[
            ("M", town(4_999), None),
            ("G", G_, None),
            ("X", E_, Some("x")),
        ],
        &[("M", "X", 30, 30), ("G", "X", 30, 30), ("X", "A", 30, 30)],
        &[],
    );
    assert_eq!(jointly.public_share, pct(30));
    // With 30 % of X and no other public holder, X is not public.
    let alone = graph(
        &[("M", town(4_999), None), ("X", E_, Some("x"))],
        &[("M", "X", 30, 30), ("X", "A", 30, 30)],
        &[],
    );
    assert_eq!(alone.public_share, pct(0));
}

#[test]
fn an_exempt_investor_a_public_body_owns_is_exempt_while_not_linked() {
    use EntityKind::{PublicBody as G_, PublicInvestmentCorporation as P_};
    // The Region owns the corporation; its 30 % of A is an exempt stake (art. 3(2)), not public.
    let a = graph(
        &[("VL", G_, None), ("PMV", P_, None)],
        &[("VL", "PMV", 100, 100), ("PMV", "A", 30, 30)],
        &[],
    );
    assert_eq!(a.public_share, pct(0));
    assert_eq!(relation(&a, "PMV"), Some(Relation::ExemptInvestor));
    assert_eq!(relation(&a, "VL"), Some(Relation::PublicBody));
    // The Region's own stake beside it counts; with it the two do not control A: 10 %.
    let beside = graph(
        &[("VL", G_, None), ("PMV", P_, None)],
        &[
            ("VL", "PMV", 100, 100),
            ("PMV", "A", 30, 30),
            ("VL", "A", 10, 10),
        ],
        &[],
    );
    assert_eq!(beside.public_share, pct(10));
    // With more than half of the votes, alone or with the body that owns it, or a control
    // right, the corporation is linked to A: not exempt, its whole stake public (art. 3(4)).
    for (holdings, rights) in [
        (vec![("VL", "PMV", 100, 100), ("PMV", "A", 51, 51)], vec![]),
        (
            vec![
                ("VL", "PMV", 100, 100),
                ("PMV", "A", 45, 45),
                ("VL", "A", 10, 10),
            ],
            vec![],
        ),
        (
            vec![("VL", "PMV", 100, 100), ("PMV", "A", 30, 30)],
            vec![("PMV", "A")],
        ),
    ] {
        let a = try_graph(&[("VL", G_, None), ("PMV", P_, None)], &holdings, &rights);
        let share: i64 = holdings.iter().filter(|h| h.1 == "A").map(|h| h.2).sum();
        assert_eq!(a.map(|a| a.public_share), Ok(pct(share)), "{holdings:?}");
    }
    // A private corporation is no public body: nothing public either way.
    let private = graph(&[("PMV", P_, None)], &[("PMV", "A", 30, 30)], &[]);
    assert_eq!(private.public_share, pct(0));
}

#[test]
fn an_exempt_investor_keeps_its_exemption_when_it_controls_another_company() {
    use EntityKind::{Enterprise as E_, VentureCapital as V_};
    // The venture capital company holds 30 % of A and 60 % of Z: Z is its subsidiary, not A's
    // partner; the company is still exempt (art. 3(2)), and Z is not counted.
    let a = graph(
        &[("VC", V_, None), ("Z", E_, Some("z"))],
        &[("VC", "A", 30, 30), ("VC", "Z", 60, 60)],
        &[],
    );
    assert_eq!(relation(&a, "VC"), Some(Relation::ExemptInvestor));
    assert_eq!(relation(&a, "Z"), Some(Relation::NotCounted));
    assert_eq!(a.figures.staff, Decimal::ONE);
    // When the subsidiary holds in A itself, the group is a partner at the stake they hold
    // together (art. 3(2): "jointly with its linked enterprises").
    let b = graph(
        &[("VC", V_, None), ("Z", E_, Some("z"))],
        &[("VC", "A", 30, 30), ("VC", "Z", 60, 60), ("Z", "A", 10, 10)],
        &[],
    );
    assert_eq!(relation(&b, "VC"), Some(Relation::Partner));
    assert_eq!(relation(&b, "Z"), Some(Relation::Partner));
    assert_eq!(b.figures.staff, Decimal::new(18, 1));
}

#[test]
fn each_member_of_a_partner_group_counts_once_at_its_own_highest_weight() {
    use EntityKind::Enterprise as E_;
    let weight = |a: &Aggregation, id: &str| {
        a.contributions
            .iter()
            .find(|c| c.id == id)
            .map(|c| (c.relation, c.weight))
    };
    // A holds 26 % of X, X holds 60 % of D, A holds 35 % of D: X at its own 26 %, D at the
    // greater of its own 35 % and its parent's 26 % (art. 6(2), 6(3)).
    let down = graph(
        &[("X", E_, Some("x")), ("D", E_, Some("d"))],
        &[("A", "X", 26, 26), ("X", "D", 60, 60), ("A", "D", 35, 35)],
        &[],
    );
    assert_eq!(
        weight(&down, "X"),
        Some((Relation::Partner, Decimal::from(26)))
    );
    assert_eq!(
        weight(&down, "D"),
        Some((Relation::Partner, Decimal::from(35)))
    );
    assert_eq!(down.figures.staff, Decimal::new(161, 2));
    // Upstream: X holds 30 % of A and controls D, A holds 40 % of D: X at 30, D at 40.
    let up = graph(
        &[("X", E_, Some("x")), ("D", E_, Some("d"))],
        &[("X", "A", 30, 30), ("X", "D", 60, 60), ("A", "D", 40, 40)],
        &[],
    );
    assert_eq!(up.figures.staff, Decimal::new(17, 1));
    // A subsidiary the partner controls takes the partner's weight when it is greater than its
    // own: A holds 40 % of X and 26 % of D, X controls D: D at 40.
    let raised = graph(
        &[("X", E_, Some("x")), ("D", E_, Some("d"))],
        &[("A", "X", 40, 40), ("X", "D", 60, 60), ("A", "D", 26, 26)],
        &[],
    );
    assert_eq!(
        weight(&raised, "D"),
        Some((Relation::Partner, Decimal::from(40)))
    );
    // A parent that is no partner itself is linked to the partner: at the partner's weight.
    let parent = graph(
        &[("P", E_, Some("p")), ("C", E_, Some("c"))],
        &[("P", "C", 60, 60), ("A", "C", 30, 30)],
        &[],
    );
    assert_eq!(
        weight(&parent, "P"),
        Some((Relation::LinkedToPartner, Decimal::from(30)))
    );
}

#[test]
fn what_the_enterprise_consolidates_is_not_added_again_as_a_partner() {
    // A's consolidated accounts include C, of which it holds 30 %: C is not added a second
    // time at 30 % (art. 6(2)).
    let figures = ExactFigures {
        staff: Decimal::from(20),
        turnover: Decimal::from(3_000_000),
        balance_sheet: Decimal::from(2_000_000),
    };
    let a = Entity {
        figures: Some(figures),
        consolidates: vec!["C".into()],
        ..Entity::new("A", EntityKind::Enterprise)
    };
    let c = Entity::enterprise(
        "C",
        ExactFigures {
            staff: Decimal::from(100),
            ..ExactFigures::default()
        },
    );
    let graph = Ownership {
        entities: vec![c],
        holdings: vec![Holding::new("A", "C", pct(30))],
        controls: vec![],
    };
    let out = aggregate(&a, &graph).unwrap();
    assert_eq!(relation(&out, "C"), Some(Relation::Consolidated));
    assert_eq!(out.figures, figures);
}

#[test]
fn a_control_cycle_is_reported_where_it_closes() {
    use EntityKind::Enterprise as E_;
    // Only control rights: at the right that closes the cycle.
    let e = try_graph(&[("X", E_, None)], &[], &[("X", "A"), ("A", "X")]).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (E::InconsistentInput, "controls[1]")
    );
    // A majority of votes, then the right back: at the right.
    let e = try_graph(
        &[("X", E_, None), ("Y", E_, None)],
        &[("A", "X", 60, 60)],
        &[("Y", "A"), ("X", "A")],
    )
    .unwrap_err();
    assert_eq!(e.path, "controls[1]");
    // Majorities of votes alone: at the holdings, whatever rights there are.
    let e = try_graph(
        &[("X", E_, None)],
        &[("A", "X", 60, 60), ("X", "A", 60, 60)],
        &[("X", "A")],
    )
    .unwrap_err();
    assert_eq!(e.path, "holdings");
}
