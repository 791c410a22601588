from ankasam.core.bidi import isolate_other_direction, paragraph_direction, run_language

PERSIAN_TITLE = "به چهار دلیل روسیه از طالبان پشتیبانی میکند"
HASHT_E_SUBH = f"<p>“{PERSIAN_TITLE}”, Hasht-e Subh, (accessed 20.06.2022).</p>"


def test_a_note_beginning_in_persian_keeps_the_english_pages_direction():
    assert paragraph_direction(f"“{PERSIAN_TITLE}”, Hasht-e Subh, (accessed 20.06.2022).", "ltr") == "ltr"


def test_a_note_wholly_in_persian_reads_right_to_left_on_an_english_page():
    assert paragraph_direction("کاظمی، «امنیت انرژی در حوزه خزر» (تهران، ۱۴۰۲)، ص. ۴۵.", "ltr") == "rtl"
    assert paragraph_direction("Ibid., p. 4.", "rtl") == "ltr"
    assert paragraph_direction("12, 34.", "rtl") == "rtl"


def test_the_persian_run_is_isolated_and_the_quotes_and_date_stay_outside():
    html = str(isolate_other_direction(HASHT_E_SUBH, "ltr"))

    assert html == (
        f'<p>“<bdi dir="rtl" lang="fa">{PERSIAN_TITLE}</bdi>”, Hasht-e Subh, (accessed 20.06.2022).</p>'
    )


def test_arabic_digits_and_comma_stay_in_the_persian_run_and_brackets_and_quotes_outside():
    html = str(isolate_other_direction("<p>Kazemi, «امنیت انرژی» (تهران، ۱۴۰۲), p. 45.</p>", "ltr"))

    assert '<bdi dir="rtl" lang="fa">امنیت انرژی</bdi>' in html
    assert '(<bdi dir="rtl">تهران، ۱۴۰۲</bdi>), p. 45.' in html


def test_latin_runs_in_a_persian_paragraph_are_isolated_left_to_right():
    html = str(
        isolate_other_direction("<p>«کریدور میانی»، Middle Corridor Review 12 (2024)، ص. ۴۵.</p>", "rtl")
    )

    assert html == '<p>«کریدور میانی»، <bdi dir="ltr">Middle Corridor Review 12</bdi> (2024)، ص. ۴۵.</p>'


def test_runs_are_looked_for_in_text_only_never_in_tags():
    html = str(isolate_other_direction('<p><a href="https://example.org/مقاله">منبع</a> online</p>', "ltr"))

    assert html == '<p><a href="https://example.org/مقاله"><bdi dir="rtl">منبع</bdi></a> online</p>'


def test_a_run_is_named_persian_or_arabic_only_when_its_letters_tell():
    assert run_language("پشتیبانی") == "fa"
    assert run_language("الطاقة") == "ar"
    assert run_language("منبع") == ""


def test_character_references_are_never_cut():
    html = str(isolate_other_direction("<p>«منبع» a &lt; b &amp; c</p>", "rtl"))

    assert (
        html
        == '<p>«منبع» <bdi dir="ltr">a</bdi> &lt; <bdi dir="ltr">b</bdi> &amp; <bdi dir="ltr">c</bdi></p>'
    )


def test_an_apostrophe_inside_a_transliterated_word_stays_in_its_run():
    note = "<p>Rakhmatov, “Amudar’ya i novyi kanal” [آمودریا و کانال], Ja'fari’s notes.</p>"

    html = str(isolate_other_direction(note, "rtl"))

    # The closing quotation mark after the title is still outside the run.
    assert '“<bdi dir="ltr">Amudar’ya i novyi kanal</bdi>”' in html
    assert '<bdi dir="ltr">Ja\'fari’s notes</bdi>.' in html


def test_a_web_address_is_one_left_to_right_run_without_the_full_stop_after_it():
    chicago = "رحیمی، فرید. «قوش‌تپه». ANKASAM. https://example.org/fa/tahlil-ha/qosh-tepa/."
    mla = "رحیمی، فرید. «قوش‌تپه». example.org/fa/tahlil-ha/qosh-tepa/. به زبان فارسی."

    html = str(isolate_other_direction(chicago, "rtl"))
    assert html.endswith('<bdi dir="ltr">ANKASAM. https://example.org/fa/tahlil-ha/qosh-tepa/</bdi>.')
    html = str(isolate_other_direction(mla, "rtl"))
    assert html.endswith('<bdi dir="ltr">example.org/fa/tahlil-ha/qosh-tepa/</bdi>. به زبان فارسی.')
