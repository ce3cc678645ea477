// Runs on the JVM against the Linux build of karvon-mobile through the generated Kotlin
// bindings (JNA), async calls included. Compiled and run by mobile/tests/kotlin.rs; the last
// line is "N passed, M failed" and the exit code is non-zero on any failure.

import java.nio.file.Files
import java.security.SecureRandom
import kotlin.system.exitProcess
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import uz.karvon.mobile.*

class Listener : EventListener {
    val alerts: MutableList<Alert> = java.util.Collections.synchronizedList(mutableListOf())
    override fun onAlert(alert: Alert) {
        alerts.add(alert)
    }
}

fun check(cond: Boolean, what: () -> String) {
    if (!cond) throw AssertionError(what())
}

inline fun <reified E : Throwable> fails(block: () -> Unit): E {
    try {
        block()
    } catch (e: Throwable) {
        if (e is E) return e
        throw AssertionError("expected ${E::class.simpleName}, got $e")
    }
    throw AssertionError("expected ${E::class.simpleName}, nothing was thrown")
}

fun key(): ByteArray = ByteArray(32).also { SecureRandom().nextBytes(it) }

fun folder(): String = Files.createTempDirectory("karvon-kt").toString()

class Trip(val api: KarvonApi, val listener: Listener, val trip: uz.karvon.mobile.Trip)

fun tripWithTraveller(lang: String = "en"): Trip {
    val api = KarvonApi.openWithKey(folder(), key(), lang)
    val listener = Listener()
    api.setListener(listener)
    val me = api.addTraveller(TravellerInput(name = "Aziza Karimova", birthDate = "1990-03-14", residency = "FI"))
    val trip = api.addTrip(
        TripInput(
            name = "Istanbul", jurisdiction = "FI", arrival = "2026-12-10", mode = "air",
            daysAbroad = 6u, travellers = listOf(me.id), plan = Amount("1000", "EUR"),
        )
    )
    return Trip(api, listener, trip)
}

fun jacket(trip: String, value: String = "900") = PurchaseInput(
    trip = trip, description = "Leather jacket", kind = "goods", boughtOn = "2026-12-05",
    value = value, currency = "EUR",
)

suspend fun tripToPayment() {
    val t = tripWithTraveller()
    val api = t.api
    val added = api.addPurchase(jacket(t.trip.id))
    check(added.alerts.isNotEmpty()) { "alerts raised" }
    check(t.listener.alerts.map { it.id } == added.alerts.map { it.id }) { "listener heard ${t.listener.alerts}" }
    val s = api.status(t.trip.id)
    check(s.assessment.channel == "red") { "red channel" }
    check(s.assessment.totalDue.toBigDecimal().signum() > 0) { "something due: ${s.assessment.totalDue}" }
    var d = api.declareTrip(t.trip.id)
    d = api.signDocument(d.id)
    check(d.status == "signed") { "signed" }
    val payload = api.qrPayload(d.id)
    val verified = api.verify(payload)
    check(verified.ownKey && verified.kind == "passenger") { "verified $verified" }
    check(verified.lines.any { "Leather jacket" in it.text }) { "lines" }
    val pdfs = runBlocking {
        listOf(async { api.documentPdf(d.id) }, async { api.documentPdf(d.id) }).awaitAll()
    }
    check(pdfs.all { String(it.copyOfRange(0, 5)) == "%PDF-" }) { "PDF bytes" }
    d = api.fileDocument(d.id)
    val p = api.createPayment(d.id, PaymentInput())
    check(p.amount.value == s.assessment.totalDue && p.amount.currency == "EUR") { "payment ${p.amount}" }
    check(String(api.paymentPdf(p.id).copyOfRange(0, 5)) == "%PDF-") { "payment PDF" }
}

suspend fun errors() {
    val t = tripWithTraveller()
    val api = t.api
    val bad = fails<ApiException.Input> { api.addPurchase(jacket(t.trip.id, value = "12,5")) }
    check(bad.path == "value" && bad.id == "input-not-decimal") { "path ${bad.path} id ${bad.id}" }
    check(bad.text.startsWith("value:")) { "rendered: ${bad.text}" }
    val nf = fails<ApiException.NotFound> { api.trip("deadbeef") }
    check(nf.entity == "trip" && nf.id == "deadbeef") { "not found $nf" }
    val doc = fails<ApiException.NotFound> { api.documentPdf("deadbeef") }
    check(doc.entity == "document") { "async error $doc" }
    val forged = fails<ApiException.Document> { api.verify("KV1:not-a-payload") }
    check(forged.text.isNotEmpty()) { "document error text" }
    fails<ApiException.Key> { KarvonApi.openWithKey(folder(), ByteArray(7), "en") }
    api.setLanguage("ru")
    val ru = fails<ApiException.Input> { api.addPurchase(jacket(t.trip.id, value = "12,5")) }
    check(ru.text != bad.text && ru.id == bad.id) { "Russian text ${ru.text}" }
}

suspend fun ratesAndHs() {
    val dir = folder()
    val api = KarvonApi.openWithKey(dir, key(), "uz")
    val feed = java.io.File(dir, "ecb.csv")
    feed.writeText("Date,USD\n2026-12-01,1.05\n")
    val r = api.importRates(feed.path)
    check(r.source == "ecb" && r.rates == 1u) { "rates $r" }
    val hs = java.io.File(dir, "hs.csv")
    hs.writeText("section,hscode,description,parent,level\nXVI,85,Electrical machinery,TOTAL,2\nXVI,8517,Telephone sets including smartphones,85,4\n")
    val n = api.importHs(hs.path)
    check(n.headings == 1u) { "hs $n" }
    check(api.hsSearch("smartphones", 5u).any { it.code == "8517" }) { "hs search" }
    val bad = java.io.File(dir, "bad.csv")
    bad.writeText("Date,USD\n2026-12-02,abc\n")
    val e = fails<ApiException.Feed> { api.importRates(bad.path) }
    check(e.file == "bad.csv") { "feed error $e" }
}

suspend fun settingsRoundTrip() {
    val dir = folder()
    val k = key()
    val api = KarvonApi.openWithKey(dir, k, "en")
    check(api.settings() == Settings(language = "en", homeCountry = "UZ", currency = "UZS")) { "defaults ${api.settings()}" }
    val saved = api.saveSettings(Settings(language = "ru", homeCountry = "fi", currency = "eur"))
    check(saved == Settings(language = "ru", homeCountry = "FI", currency = "EUR")) { "saved $saved" }
    api.destroy()
    // Reopened with English asked for: the saved Russian wins, errors included.
    val again = KarvonApi.openWithKey(dir, k, "en")
    check(again.language() == "ru" && again.settings() == saved) { "reopened ${again.settings()}" }
    val nf = fails<ApiException.NotFound> { again.trip("deadbeef") }
    check(Regex("[а-яА-Я]").containsMatchIn(nf.text)) { "Russian error ${nf.text}" }
    val bad = fails<ApiException.Input> { again.saveSettings(saved.copy(homeCountry = "ZZ")) }
    check(bad.path == "home_country" && bad.id == "settings-country") { "bad ${bad.path} ${bad.id}" }
    check(again.settings() == saved) { "nothing saved" }
}

fun main() {
    val tests = listOf<Pair<String, suspend () -> Unit>>(
        "trip to payment draft" to ::tripToPayment,
        "errors" to ::errors,
        "rates and HS (async imports)" to ::ratesAndHs,
        "settings round trip" to ::settingsRoundTrip,
    )
    var passed = 0
    var failed = 0
    for ((name, body) in tests) {
        try {
            runBlocking { body() }
            println("ok - $name")
            passed++
        } catch (e: Throwable) {
            println("FAILED - $name: $e")
            e.printStackTrace()
            failed++
        }
    }
    println("$passed passed, $failed failed")
    exitProcess(if (failed == 0 && passed == tests.size) 0 else 1)
}
