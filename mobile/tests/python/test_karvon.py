"""Drives karvon-mobile through its generated Python bindings, as a mobile app would.

Run by mobile/tests/python.rs (`cargo test -p karvon-mobile --test python`), which generates
the bindings, puts the built library beside `karvon_mobile.py` and sets KARVON_EXAMPLES.
Plain unittest: nothing to install.
"""

import asyncio
import json
import os
import tempfile
import threading
import unittest

import karvon_mobile as k

EXAMPLES = os.environ["KARVON_EXAMPLES"]


def example(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return f.read()


class Listener(k.EventListener):
    """What the app registers to raise notifications."""

    def __init__(self):
        self.alerts = []
        self.threads = set()

    def on_alert(self, alert):
        self.alerts.append(alert)
        self.threads.add(threading.get_ident())


class Folder:
    """A fresh data folder with a key as the OS keystore would hand it over."""

    def __init__(self, case):
        self.tmp = tempfile.TemporaryDirectory()
        case.addCleanup(self.tmp.cleanup)
        self.dir = self.tmp.name
        self.key = os.urandom(32)

    def open(self, lang="en"):
        return k.KarvonApi.open_with_key(self.dir, self.key, lang)


def jacket(trip, **kw):
    args = dict(trip=trip, description="Leather jacket", kind="goods", bought_on="2026-12-05",
                value="900", currency="EUR", shop="Grand Bazaar")
    args.update(kw)
    return k.PurchaseInput(**args)


class TouristTrip(unittest.TestCase):
    """A tourist's trip from creation to a payment draft, through every layer."""

    def setUp(self):
        self.folder = Folder(self)
        self.api = self.folder.open("en")
        self.listener = Listener()
        self.api.set_listener(self.listener)
        self.me = self.api.add_traveller(k.TravellerInput(
            name="Aziza Karimova", birth_date="1990-03-14", residency="FI", document="FA1234567"))
        self.trip = self.api.add_trip(k.TripInput(
            name="Istanbul", jurisdiction="FI", arrival="2026-12-10", mode="air", days_abroad=6,
            travellers=[self.me.id], plan=k.Amount(value="1000", currency="EUR")))

    def test_trip_purchases_status_declaration_and_payment(self):
        api, trip = self.api, self.trip
        self.assertEqual(trip.jurisdiction, "FI")
        self.assertEqual((trip.mode, trip.mode_text), ("air", "air"))
        self.assertEqual(trip.travellers, [self.me.id])
        self.assertEqual(trip.plan, k.Amount(value="1000", currency="EUR"))
        self.assertEqual([t.id for t in api.trips()], [trip.id])

        # What-if saves nothing and tells what it would cost.
        w = api.what_if(jacket(trip.id))
        self.assertEqual((w.channel_before, w.channel_after), ("green", "red"))
        self.assertEqual(w.summary.id, "what-if-to-red")
        self.assertEqual(w.total_before, "0.00")
        self.assertGreater(float(w.extra), 0)
        self.assertEqual(w.line.status, "dutiable")
        self.assertEqual(api.purchases(trip.id), [])

        # The purchase raises alerts, and the listener hears each one.
        added = api.add_purchase(jacket(trip.id))
        self.assertTrue(added.alerts, "a jacket above the allowance raises alerts")
        self.assertEqual([a.id for a in self.listener.alerts], [a.id for a in added.alerts])
        kinds = {a.kind for a in added.alerts}
        self.assertIn("dutiable", kinds)
        for a in added.alerts:
            self.assertTrue(a.message.id.startswith("alert-"), a.message.id)
            self.assertTrue(a.message.text and "{" not in a.message.text, a.message.text)
        self.assertEqual(added.purchase.value, k.Amount(value="900", currency="EUR"))
        self.assertEqual(added.purchase.kind_text, "goods")

        # Live status: red channel, figures as exact decimal strings, the plan, the alerts.
        s = api.status(trip.id[:6])
        a = s.assessment
        self.assertEqual((a.channel, a.currency), ("red", "EUR"))
        self.assertIn("declare", a.channel_text)
        self.assertEqual(a.total_due, w.total_after)
        self.assertRegex(a.total_due, r"^\d+\.\d\d$")
        self.assertEqual(s.purchase_ids, [added.purchase.id])
        self.assertEqual(a.items[0].description, "Leather jacket")
        self.assertTrue(a.items[0].explanation)
        self.assertEqual(s.plan.spent, "900")
        self.assertFalse(s.plan.exceeded)
        self.assertEqual({x.id for x in s.alerts}, {x.id for x in added.alerts})
        self.assertTrue(s.complete)
        money = [x for x in s.allowances if x.unit == "money"]
        self.assertTrue(money and money[0].category_text)

        # The same status in Russian: texts change, ids and figures do not.
        api.set_language("ru")
        self.assertEqual(api.language(), "ru")
        ru = api.status(trip.id)
        self.assertNotEqual(ru.assessment.channel_text, a.channel_text)
        self.assertEqual(ru.assessment.total_due, a.total_due)
        self.assertEqual([x.message.id for x in ru.alerts], [x.message.id for x in s.alerts])
        api.set_language("en")

        # Acknowledged alerts leave the status.
        api.acknowledge_alert(added.alerts[0].id)
        self.assertEqual(len(api.alerts(trip.id, False)), len(added.alerts) - 1)
        self.assertEqual(len(api.alerts(trip.id, True)), len(added.alerts))

        # Declare, sign, QR, verify.
        d = api.declare_trip(trip.id)
        self.assertEqual((d.kind, d.status, d.trip_id), ("passenger", "draft", trip.id))
        self.assertTrue(any("Leather jacket" in line.text for line in d.lines))
        d = api.sign_document(d.id[:8])
        self.assertEqual(d.status, "signed")
        self.assertEqual(d.key_fingerprint, api.device_key_fingerprint())
        payload = api.qr_payload(d.id)
        png = api.qr_png(d.id, 4)
        self.assertTrue(png.startswith(b"\x89PNG\r\n\x1a\n"))
        self.assertIn("<svg", api.qr_svg(d.id))

        v = asyncio.run(api.verify(payload))
        self.assertEqual(v.kind, "passenger")
        self.assertTrue(v.own_key)
        self.assertEqual(v.key_fingerprint, d.key_fingerprint)
        self.assertTrue(any("Leather jacket" in line.text for line in v.lines))
        self.assertEqual(json.loads(v.body_json), json.loads(d.body_json))

        # A changed payload is refused as a document error, in the API's language.
        at = len(payload) // 2
        forged = payload[:at] + ("1" if payload[at] == "0" else "0") + payload[at + 1:]
        with self.assertRaises(k.ApiError.Document) as e:
            asyncio.run(api.verify(forged))
        self.assertTrue(e.exception.id and e.exception.text)

        # PDFs, two at once on the event loop.
        async def both():
            return await asyncio.gather(api.document_pdf(d.id), api.document_pdf(d.id))
        pdf, again = asyncio.run(both())
        self.assertTrue(pdf.startswith(b"%PDF-"))
        self.assertEqual(len(pdf), len(again))

        # File it, then the payment draft from its amount due.
        d = api.file_document(d.id)
        self.assertEqual(d.status, "queued")
        self.assertEqual([e.status for e in d.timeline][-2:], ["signed", "queued"])
        p = api.create_payment(d.id, k.PaymentInput(due_date="2026-12-24"))
        self.assertEqual(p.document_id, d.id)
        self.assertEqual(p.amount.currency, "EUR")
        self.assertEqual(p.amount.value, a.total_due)
        self.assertEqual(p.status, "draft")
        self.assertTrue(any("customs" in line.text for line in p.lines), [x.text for x in p.lines])
        self.assertEqual([x.id for x in api.payments(d.id)], [p.id])
        self.assertTrue(asyncio.run(api.payment_pdf(p.id)).startswith(b"%PDF-"))
        with self.assertRaises(k.ApiError.Document):
            api.payment_epc_qr(p.id)  # no IBAN yet: customs gives the payee at filing
        # Once customs gives the payee: the SEPA QR and pain.001 for the bank.
        p2 = api.create_payment(d.id, k.PaymentInput(
            payee=k.Account(name="Finnish Customs", iban="FI21 1234 5600 0007 85")))
        self.assertTrue(api.payment_epc_qr(p2.id).startswith("BCD\n"))
        pain = api.payment_pain001(
            p2.id, k.Account(name="Aziza Karimova", iban="DE89 3704 0044 0532 0130 00"),
            "2026-12-20")
        self.assertIn("pain.001", pain)
        self.assertIn("FI2112345600000785", pain)
        with self.assertRaises(k.ApiError.Input) as e:
            api.payment_pain001(p2.id, k.Account(name="A", iban="DE00"), "2026-12-20")
        self.assertEqual(e.exception.path, "payer.iban")
        self.assertEqual(len(api.payments(d.id)), 2)

        # Amend makes version 2; the signed one cannot be deleted.
        v2 = api.amend_document(d.id)
        self.assertEqual((v2.version, v2.amends, v2.status), (2, d.id, "draft"))
        with self.assertRaises(k.ApiError.Document):
            api.delete_document(d.id)
        self.assertEqual(len(api.documents(trip.id)), 2)

    def test_bad_input_names_the_field(self):
        api, trip = self.api, self.trip
        cases = [
            (dict(value="12,5"), "value", "input-not-decimal"),
            (dict(currency="EURO"), "currency", None),
            (dict(kind="unicorn"), "kind", "input-unknown-kind"),
            (dict(bought_on="05.12.2026"), "bought_on", "input-date"),
            (dict(spirit="mead", kind="spirits", litres="1"), "spirit", "input-unknown-spirit"),
        ]
        for fields, path, msg_id in cases:
            with self.subTest(path=path):
                with self.assertRaises(k.ApiError.Input) as e:
                    api.add_purchase(jacket(trip.id, **fields))
                self.assertEqual(e.exception.path, path)
                if msg_id:
                    self.assertEqual(e.exception.id, msg_id)
                self.assertTrue(e.exception.text.startswith(path + ":"), e.exception.text)
        with self.assertRaises(k.ApiError.Input) as e:
            api.add_trip(k.TripInput(name="X", jurisdiction="ZZ", arrival="2026-12-10",
                                     mode="air", days_abroad=3, travellers=[self.me.id]))
        self.assertEqual(e.exception.path, "jurisdiction")
        with self.assertRaises(k.ApiError.Input) as e:
            api.edit_trip(trip.id, k.TripPatch(plan=k.Amount(value="ten", currency="EUR")))
        self.assertEqual(e.exception.path, "plan.value")
        with self.assertRaises(k.ApiError.Input) as e:
            api.create_payment(trip.id, k.PaymentInput(payee=k.Account(name="Tulli", iban="FI00")))
        self.assertEqual(e.exception.path, "payee.iban")
        self.assertEqual(api.purchases(trip.id), [], "nothing saved")

        # Errors are rendered in the API's language.
        api.set_language("uz")
        with self.assertRaises(k.ApiError.Input) as e:
            api.add_purchase(jacket(trip.id, value="12,5"))
        self.assertEqual(e.exception.id, "input-not-decimal")
        api.set_language("en")
        with self.assertRaises(k.ApiError.Input) as en:
            api.add_purchase(jacket(trip.id, value="12,5"))
        self.assertNotEqual(e.exception.text, en.exception.text)
        with self.assertRaises(k.ApiError.Input) as e:
            api.set_language("klingon")
        self.assertEqual(e.exception.path, "language")

    def test_unknown_ids_are_not_found(self):
        api = self.api
        for call, entity in [
            (lambda: api.trip("deadbeef"), "trip"),
            (lambda: api.status("deadbeef"), "trip"),
            (lambda: api.traveller("deadbeef"), "traveller"),
            (lambda: api.purchase("deadbeef"), "purchase"),
            (lambda: api.document("deadbeef"), "document"),
            (lambda: api.payment("deadbeef"), "payment"),
            (lambda: api.add_purchase(jacket("deadbeef")), "trip"),
            (lambda: asyncio.run(api.document_pdf("deadbeef")), "document"),
        ]:
            with self.subTest(entity=entity):
                with self.assertRaises(k.ApiError.NotFound) as e:
                    call()
                self.assertEqual((e.exception.entity, e.exception.id), (entity, "deadbeef"))
                self.assertIn("deadbeef", e.exception.text)

    def test_listener_hears_alerts_from_edits_trip_changes_and_undo(self):
        api, trip, heard = self.api, self.trip, self.listener.alerts
        # €300 of €430 (air): nothing yet.
        p = api.add_purchase(jacket(trip.id, value="300")).purchase
        self.assertEqual(heard, [])

        # Edited to €400 (93 %): the 80 % alert, heard though edit_purchase returns no alerts.
        api.edit_purchase(p.id, jacket(trip.id, value="400"))
        self.assertEqual([a.kind for a in heard], ["allowance_80"])
        self.assertEqual([a.id for a in heard], [a.id for a in api.alerts(trip.id, False)])

        # By road the allowance is €300: over it, in the language chosen meanwhile.
        api.set_language("ru")
        heard.clear()
        api.edit_trip(trip.id, k.TripPatch(mode="road"))
        self.assertEqual(sorted(a.kind for a in heard), ["allowance_100", "dutiable"])
        for a in heard:
            self.assertRegex(a.message.text, "[а-яА-Я]", a.message.text)
        api.set_language("en")

        # Deleting turns the conditions off; undoing raises them again.
        heard.clear()
        api.delete_purchase(p.id)
        self.assertEqual(heard, [])
        self.assertEqual(api.undo_delete(), k.Restored(entity="purchase", id=p.id))
        self.assertEqual(sorted(a.kind for a in heard), ["allowance_100", "allowance_80", "dutiable"])
        self.assertEqual({a.trip for a in heard}, {trip.id})

        # A cleared listener hears nothing more.
        api.clear_listener()
        heard.clear()
        api.delete_purchase(p.id)
        api.undo_delete()
        self.assertEqual(heard, [])

    def test_delete_and_undo(self):
        api, trip = self.api, self.trip
        p = api.add_purchase(jacket(trip.id)).purchase
        api.delete_purchase(p.id)
        self.assertEqual(api.purchases(trip.id), [])
        self.assertEqual(api.undo_delete(), k.Restored(entity="purchase", id=p.id))
        self.assertEqual([x.id for x in api.purchases(trip.id)], [p.id])
        exported = json.loads(api.export_trip(trip.id))
        self.assertEqual(exported["items"][0]["description"], "Leather jacket")
        self.assertEqual(api.assess_trip_json(api.export_trip(trip.id)).total_due,
                         api.status(trip.id).assessment.total_due)


class Rates(unittest.TestCase):
    """Rates feeds and by hand, then a purchase in another currency."""

    def setUp(self):
        self.folder = Folder(self)
        self.api = self.folder.open()

    def test_import_add_and_use(self):
        api = self.api
        feed = os.path.join(self.folder.dir, "eurofxref.csv")
        with open(feed, "w") as f:
            f.write("Date,USD,GBP\n2026-12-01,1.0500,0.8500\n2026-11-30,1.0400,0.8400\n")
        r = asyncio.run(api.import_rates(feed))
        self.assertEqual((r.source, r.base, r.tables, r.rates), ("ecb", "EUR", 2, 4))
        self.assertEqual((r.first, r.last), ("2026-11-30", "2026-12-01"))
        api.add_rate("UZS", "USD", "12050", "2026-11-19")
        self.assertEqual(len(api.rate_tables()), 3)

        me = api.add_traveller(k.TravellerInput(name="Mikko", birth_date="1980-01-01",
                                                residency="FI"))
        trip = api.add_trip(k.TripInput(name="NYC", jurisdiction="FI", arrival="2026-12-10",
                                        mode="air", days_abroad=6, travellers=[me.id]))
        api.add_purchase(jacket(trip.id, value="210", currency="USD", description="Sneakers"))
        s = api.status(trip.id)
        used = [x for x in s.rates if x.from_currency == "USD"]
        self.assertEqual(len(used), 1)
        self.assertEqual((used[0].rate, used[0].source, used[0].valid_on),
                         ("0.9523809523809523809523809524", "ecb", "2026-12-01"))

        bad = os.path.join(self.folder.dir, "bad.csv")
        with open(bad, "w") as f:
            f.write("Date,USD\n2026-12-02,abc\n")
        with self.assertRaises(k.ApiError.Feed) as e:
            asyncio.run(api.import_rates(bad))
        self.assertEqual(e.exception.file, "bad.csv")
        self.assertIn("USD", e.exception.at)
        with self.assertRaises(k.ApiError.Input) as e:
            api.add_rate("UZS", "USD", "-1", "2026-11-19")
        self.assertEqual(e.exception.path, "per_unit")

    def test_hs_import_and_search(self):
        api = self.api
        hs = os.path.join(self.folder.dir, "hs.csv")
        with open(hs, "w") as f:
            f.write("section,hscode,description,parent,level\n"
                    "XVI,85,Electrical machinery and equipment,TOTAL,2\n"
                    "XVI,8517,Telephone sets including smartphones,85,4\n"
                    "XVI,851713,Smartphones,8517,6\n")
        n = asyncio.run(api.import_hs(hs))
        self.assertEqual((n.chapters, n.headings, n.subheadings), (1, 1, 1))
        hits = api.hs_search("smartphone", 10)
        self.assertIn("851713", [h.code for h in hits])
        entry = api.hs_lookup("8517")
        self.assertEqual([c.code for c in entry.children], ["851713"])
        self.assertEqual([c.code for c in entry.chain], ["85", "8517"])
        self.assertIsNone(api.hs_lookup("9999"))


class Postal(unittest.TestCase):
    """CN 23 from JSON and a trader declaration from CSV."""

    def setUp(self):
        self.folder = Folder(self)
        self.api = self.folder.open()

    def test_cn23_and_trade(self):
        api = self.api
        d = api.create_cn23(example("cn23-uz-fi.json"), None)
        self.assertEqual((d.kind, d.title, d.status), ("cn23", "CN23", "draft"))
        d = api.sign_document(d.id)
        v = asyncio.run(api.verify(api.qr_payload(d.id)))
        self.assertEqual(v.kind, "cn23")

        broken = json.loads(example("cn23-uz-fi.json"))
        broken["contents"][0]["value"]["amount"] = "-1"
        broken["addressee"]["country"] = "ZZ"
        with self.assertRaises(k.ApiError.Invalid) as e:
            api.create_cn22(json.dumps(broken), "bad")
        paths = [p.path for p in e.exception.problems]
        self.assertGreaterEqual(len(paths), 1, paths)
        self.assertTrue(all(p.text for p in e.exception.problems))

        api.add_rate("UZS", "USD", "12050", "2026-11-19")
        header, tariff = example("trade-header-uz.json"), example("tariffs/uz.csv")
        t = asyncio.run(api.import_trade(header, example("invoice-uz.csv"), tariff, "Coconuts"))
        self.assertEqual((t.kind, t.title), ("trade", "Coconuts"))
        bad_csv = ("hs_code;description;origin;quantity;unit;net_kg;gross_kg;value;currency\n"
                   "080119;Coconuts fresh;MY;10;kg;10;11;1e400;USD\n"
                   "0801;Coconuts dried;ZZ;10;kg;10;11;5;USD\n")
        with self.assertRaises(k.ApiError.Invalid) as e:
            asyncio.run(api.import_trade(header, bad_csv, tariff, None))
        paths = [p.path for p in e.exception.problems]
        self.assertIn("invoice:2:value", paths)
        self.assertIn("invoice:3:origin", paths)
        self.assertEqual(len(api.documents(None)), 2, "nothing saved from the bad CSV")

        template = json.loads(api.save_template("coconuts", t.id, False))
        self.assertEqual(template["name"], "coconuts")
        again = asyncio.run(api.import_trade_from_template(
            "coconuts", "INV-2", "2026-11-19", "2026-11-20", example("invoice-uz.csv"), tariff,
            None))
        self.assertEqual(again.kind, "trade")
        with self.assertRaises(k.ApiError.Input) as e:
            asyncio.run(api.import_trade_from_template(
                "coconuts", "INV-3", "19.11.2026", "2026-11-20", "", tariff, None))
        self.assertEqual(e.exception.path, "invoice_date")


class Sync(unittest.TestCase):
    """Sync settings and state; the full sync runs against a real server in the e2e tests."""

    def setUp(self):
        self.folder = Folder(self)
        self.api = self.folder.open()

    def test_configure_and_status(self):
        api = self.api
        with self.assertRaises(k.ApiError.Network) as e:
            api.configure_sync("ftp://example.org")
        self.assertIn("ftp://example.org", e.exception.text)
        self.assertIsNone(api.sync_status().server_url)
        api.configure_sync("https://sync.example.org")
        api.add_traveller(k.TravellerInput(name="Aziza Karimova", birth_date="1990-03-14",
                                           residency="UZ", document=None, statuses=[]))
        state = api.sync_status()
        self.assertEqual(state.server_url, "https://sync.example.org")
        self.assertGreater(state.pending, 0)
        self.assertEqual(state.problems, [])


class Settings(unittest.TestCase):
    """The device's settings, kept in its data folder."""

    def test_saved_language_wins_when_the_library_opens_again(self):
        folder = Folder(self)
        api = folder.open("en")
        self.assertEqual(api.settings(), k.Settings(language="en", home_country="UZ", currency="UZS"))
        saved = api.save_settings(k.Settings(language="ru_RU", home_country="fi", currency="eur"))
        self.assertEqual(saved, k.Settings(language="ru", home_country="FI", currency="EUR"))
        self.assertEqual(api.language(), "ru")
        del api

        # Reopened with English asked for: the saved Russian wins, errors included.
        again = folder.open("en")
        self.assertEqual(again.language(), "ru")
        self.assertEqual(again.settings(), saved)
        with self.assertRaises(k.ApiError.NotFound) as e:
            again.trip("deadbeef")
        self.assertRegex(e.exception.text, "[а-яА-Я]")
        self.assertIn("deadbeef", e.exception.text)

    def test_bad_settings_name_each_field_and_save_nothing(self):
        api = Folder(self).open("en")
        with self.assertRaises(k.ApiError.Input) as e:
            api.save_settings(k.Settings(language="uz", home_country="XX", currency="UZS"))
        self.assertEqual((e.exception.path, e.exception.id), ("home_country", "settings-country"))
        self.assertIn("XX", e.exception.text)
        with self.assertRaises(k.ApiError.Invalid) as e:
            api.save_settings(k.Settings(language="de", home_country="Uzbekistan", currency="som"))
        self.assertEqual([(p.path, p.id) for p in e.exception.problems], [
            ("language", "settings-language"),
            ("home_country", "settings-country"),
            ("currency", "settings-currency"),
        ])
        self.assertEqual(api.settings().language, "en")
        self.assertEqual(api.language(), "en")


class Keys(unittest.TestCase):
    """The key comes from the host's keystore, or from a key file."""

    def test_host_key_protects_the_folder(self):
        folder = Folder(self)
        api = folder.open()
        me = api.add_traveller(k.TravellerInput(name="Aziza", birth_date="1990-03-14",
                                                residency="UZ", document="FA1234567"))
        fingerprint = api.device_key_fingerprint()
        del api
        again = folder.open("ru")
        self.assertEqual(again.traveller(me.id).document, "FA1234567")
        self.assertEqual(again.device_key_fingerprint(), fingerprint)
        other = k.KarvonApi.open_with_key(folder.dir, os.urandom(32), "en")
        with self.assertRaises(k.ApiError.Key):
            other.traveller(me.id)
        with self.assertRaises(k.ApiError.Key) as e:
            k.KarvonApi.open_with_key(folder.dir, b"short", "en")
        self.assertIn("32", e.exception.text)
        with self.assertRaises(k.ApiError.Input) as e:
            k.KarvonApi.open_with_key(folder.dir, folder.key, "xx")
        self.assertEqual(e.exception.path, "language")

    def test_key_file(self):
        folder = Folder(self)
        key_file = os.path.join(folder.dir, "keys", "key")
        api = k.KarvonApi.open_with_key_file(os.path.join(folder.dir, "data"), key_file, "uz")
        self.assertEqual(api.language(), "uz-Latn")
        self.assertEqual(len(api.jurisdictions()), 11)
        self.assertTrue(os.path.isfile(key_file))
        self.assertEqual(os.stat(key_file).st_mode & 0o777, 0o600)


if __name__ == "__main__":
    unittest.main(verbosity=2)
