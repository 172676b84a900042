"""Tests for the service registry: every spelling of a service resolves to one entry."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.identity.services import SERVICES, ServiceInfo, resolve_service, service_key_for

MYANMAR_SPELLINGS = [
    "RFA's Myanmar Service",
    "RFA’s Myanmar Service",
    "RFA Burmese",
    "RFA's Burmese Service",
    "Radio Free Asia's Burmese service",
    "Radio Free Asia’s Myanmar Service",
    "RFA Myanmar",
    "rfa myanmar service",
    "the Burmese Service",
    "RFA Burmese-language service",
    "RFA Myanmar.",
    "rfa-myanmar",
]


@pytest.mark.parametrize("spelling", MYANMAR_SPELLINGS)
def test_myanmar_spellings_resolve_to_one_service(spelling: str) -> None:
    expected = ("rfa-myanmar", "RFA Myanmar Service", "Radio Free Asia", "my")
    info = resolve_service(spelling)
    assert info is not None
    assert expected == (info.key, info.name, info.organization, info.language)


@pytest.mark.parametrize(
    ("spelling", "key", "language"),
    [
        ("RFA Khmer", "rfa-khmer", "km"),
        ("RFA’s Lao Service", "rfa-lao", "lo"),
        ("Radio Free Asia's Tibetan Service", "rfa-tibetan", "bo"),
        ("RFA's Uyghur Service", "rfa-uyghur", "ug"),
        ("RFA Uighur", "rfa-uyghur", "ug"),
        ("RFA's Korean Service", "rfa-korean", "ko"),
        ("RFA Vietnamese", "rfa-vietnamese", "vi"),
        ("RFA's Mandarin Service", "rfa-mandarin", "zh"),
        ("RFA Chinese", "rfa-mandarin", "zh"),
        ("the Cantonese Service", "rfa-cantonese", "yue"),
        ("VOA Khmer", "voa-khmer", "km"),
        ("Voice of America’s Burmese Service", "voa-myanmar", "my"),
        ("BenarNews", "benarnews", "en"),
        ("BenarNews Bengali", "benarnews-bengali", "bn"),
    ],
)
def test_services_resolve_with_language(spelling: str, key: str, language: str) -> None:
    info = resolve_service(spelling)
    assert info is not None
    assert (key, language) == (info.key, info.language)


@pytest.mark.parametrize("text", ["Burmese", "", "   ", "Eugene Whong", "Phnom Penh", "Staff"])
def test_non_services_do_not_resolve(text: str) -> None:
    assert resolve_service(text) is None


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Reuters", "reuters"),
        ("RFA", "rfa"),
        ("Radio Free Asia", "rfa"),
        ("the Associated Press", "ap"),
        ("Agence France-Presse", "afp"),
        ("新华社", "xinhua"),
        ("Anadolu Agency", "anadolu"),
        ("연합뉴스", "yonhap"),
        ("The Irrawaddy", "irrawaddy"),
        ("Voice of America", "voa"),
    ],
)
def test_agencies_and_outlets_resolve_as_organisations(spelling: str, key: str) -> None:
    info = resolve_service(spelling)
    assert info is not None
    assert (key, True) == (info.key, info.is_organization)


def test_language_services_are_not_organisations() -> None:
    info = resolve_service("RFA Khmer")
    assert info is not None
    assert ("rfa-khmer", False) == (info.key, info.is_organization)


def test_registry_keys_are_unique_and_resolve_to_themselves() -> None:
    keys = [s.key for s in SERVICES]
    assert len(keys) == len(set(keys))
    assert keys == [service_key_for(s.key) for s in SERVICES]


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.key)
def test_every_name_and_alias_resolves_to_its_service(service: ServiceInfo) -> None:
    spellings = [service.name, *service.aliases]
    assert [service.key] * len(spellings) == [service_key_for(s) for s in spellings]


def test_unknown_services_get_a_stable_key() -> None:
    assert ["rfa-thai"] * 3 == [
        service_key_for("RFA's Thai Service"),
        service_key_for("RFA’s Thai service"),
        service_key_for("Radio Free Asia Thai"),
    ]
    assert "reuters" == service_key_for("Reuters.")


def test_service_key_for_text_without_a_name_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no service name"):
        service_key_for(" ’s ")


@given(st.text(max_size=80))
def test_service_functions_never_fail_unexpectedly(text: str) -> None:
    resolve_service(text)
    try:
        key = service_key_for(text)
    except ValueError:
        return
    assert key and key == key.strip()


def test_names_in_brahmic_scripts_keep_their_vowel_signs() -> None:
    # "ရွှေဖီမြေ" (an outlet) and a word of the same bare consonants are different names
    info = resolve_service("ရွှေဖီမြေ")
    assert info is not None
    assert "shwe-phee-myay" == info.key
    assert resolve_service("ရဖမ") is None
    assert "china-tibet-online" == service_key_for("ཀྲུང་གོ་བོད་ཀྱི་དྲ་བ།")


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["新华社", "新華社", "Xinhua News Agency", "ཤིན་ཧྭ་གསར་འགྱུར་ཁང"], "xinhua"),
        (["中央社", "中央通訊社", "Central News Agency"], "cna"),
        (["人民網", "人民网", "མི་དམངས་དྲ་བ།", "خەلق تورى"], "peoples-daily-online"),
        (["中国新闻网", "中新网", "中新社"], "china-news-service"),
        (["연합뉴스", "연합뉴스TV", "Yonhap"], "yonhap"),
        (["Bernama", "BERNAMA News Agency"], "bernama"),
    ],
)
def test_an_outlet_in_every_script_it_publishes_in_is_one_entry(
    spellings: list[str], key: str
) -> None:
    assert [key] * len(spellings) == [service_key_for(s) for s in spellings]
