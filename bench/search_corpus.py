"""The generated text of bench/search.py: the queries' real words among thousands of made-up ones.

Each language gets the words its queries look for, function words, and a long tail of made-up
words drawn by Zipf's law, so that an index holds as many distinct words as a real archive would.
"""

import itertools
import random

WORDS = {
    "en": {
        "content": (
            "economy economies economic gas pipeline pipelines energy security migration "
            "migrants border borders trade corridor corridors sanctions election elections "
            "water river rivers dam dams port ports railway railways investment investments "
            "diplomacy negotiations summit agreement agreements transit freight oil refinery "
            "drought harvest remittances labour workers ministry parliament reform reforms "
            "currency inflation exports imports tariffs shipping navy mines ceasefire "
            "refugees"
        ),
        "filler": "the of and in to a is that for on with as by this from at which are their its has was",
    },
    "tr": {
        "content": (
            "ekonomi ekonomisi ekonomisinin ekonomiler ekonomilerine ekonomik enerji enerjisi "
            "gaz gazı boru hattı hatları güvenlik güvenliği göç göçmenler göçmenlerin sınır "
            "sınırlar sınırında ticaret ticareti koridor koridoru koridorları yaptırımlar "
            "seçim seçimler seçimlerde su suyu nehir nehirleri baraj barajlar liman limanları "
            "demiryolu yatırım yatırımlar yatırımları diplomasi müzakereler zirve anlaşma "
            "anlaşmalar transit yük petrol rafineri kuraklık hasat işçiler bakanlık meclis "
            "reform reformlar"
        ),
        "filler": "ve bir bu da de için ile olarak daha çok en gibi ancak sonra kadar ise",
    },
    "ru": {
        "content": (
            "экономика экономики экономике экономику экономиками энергетика энергетики газ "
            "газа газе трубопровод трубопровода трубопроводы безопасность безопасности "
            "миграция мигранты мигрантов граница границы границе торговля торговли коридор "
            "коридора коридоры санкции санкций выборы выборов вода воды река реки плотина "
            "плотины порт порта порты инвестиции инвестиций дипломатия переговоры саммит "
            "соглашение соглашения транзит грузы нефть нефти засуха урожай рабочие "
            "министерство парламент реформы"
        ),
        "filler": "и в на с по что как для это не из к от но его их о при также",
    },
}
SYLLABLES = {
    "en": "ba be bi bo ca ce co da de di do fa fe fi ga ge la le li lo ma me mi mo na ne ni no pa pe "
    "po ra re ri ro sa se si so ta te ti to va ve vi",
    "tr": "ba be bı bi bo bu ca ce ça çe da de dı di ga ge ka ke kı ki la le lı li ma me mı mi na ne "
    "nı ni pa pe ra re rı ri sa se sı si şa şe ta te tı ti ya ye",
    "ru": "ба бе би бо ва ве ви во га го да де ди до за зе ка ке ки ко ла ле ли ло ма ме ми мо на не "
    "ни но па пе ра ре ри ро са се си со та те ти то",
}
SYNTHETIC_WORDS = 3000


def vocabulary(language):
    """The real words of the queries, and thousands of made-up ones standing for the rest of a language."""
    rng = random.Random(language)
    syllables = SYLLABLES[language].split()
    made_up = sorted({"".join(rng.choices(syllables, k=rng.randint(3, 4))) for _ in range(SYNTHETIC_WORDS)})
    rng.shuffle(made_up)
    return WORDS[language]["content"].split(), made_up, WORDS[language]["filler"].split()


VOCABULARY = {language: vocabulary(language) for language in WORDS}
# Zipf: the n-th most frequent made-up word is n times rarer than the first.
ZIPF = {
    language: list(itertools.accumulate(1 / (rank + 1) for rank in range(len(made_up))))
    for language, (_real, made_up, _filler) in VOCABULARY.items()
}


def sentence(rng, language, length, theme) -> str:
    """Half function words; the rest mostly the long tail, some of the article's theme words."""
    real, made_up, filler = VOCABULARY[language]
    chosen = []
    for _ in range(length):
        draw = rng.random()
        if draw < 0.45:
            chosen.append(rng.choice(filler))
        elif draw < 0.53:
            chosen.append(rng.choice(theme))
        elif draw < 0.535:
            chosen.append(rng.choice(real))
        else:
            chosen.append(rng.choices(made_up, cum_weights=ZIPF[language])[0])
    return " ".join(chosen).capitalize() + "."


def article_text(rng, language, number):
    from ankasam.articles.content import Note, paragraph

    theme = rng.sample(VOCABULARY[language][0], 6)
    paragraphs = [" ".join(sentence(rng, language, 16, theme) for _ in range(5)) for _ in range(4)]
    return {
        "title": f"{sentence(rng, language, 6, theme)[:-1]} {number}",
        "standfirst": sentence(rng, language, 24, theme),
        "blocks": [paragraph(f"<p>{text}[^{n}]</p>") for n, text in enumerate(paragraphs[:2], 1)]
        + [paragraph(f"<p>{text}</p>") for text in paragraphs[2:]],
        "notes": [Note(str(n), f"<p>{sentence(rng, language, 10, theme)}</p>") for n in (1, 2)],
    }
