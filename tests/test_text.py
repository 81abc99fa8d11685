import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop.text import clean, clean_line, matches, search_key, sort_key


def test_decomposed_input_is_stored_precomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "Trường THCS Lê Lợi")
    assert decomposed != "Trường THCS Lê Lợi"
    assert clean(f"  {decomposed}\t") == "Trường THCS Lê Lợi"


def test_clean_line_folds_white_space() -> None:
    assert clean_line(" Phòng  Văn hóa \n- Xã hội ") == "Phòng Văn hóa - Xã hội"


def test_search_ignores_case_and_diacritics() -> None:
    assert matches("kien an", "Kiến An")
    assert matches("truong thcs", "Trường THCS Lê Lợi")
    assert matches("DANG", "Đặng Văn Khánh")
    assert not matches("kien an", "Kiến Thụy")


def test_search_can_respect_diacritics() -> None:
    assert matches("kiến", "Phường Kiến An", ignore_diacritics=False)
    assert not matches("kien", "Phường Kiến An", ignore_diacritics=False)


def test_search_key_folds_d_with_stroke() -> None:
    assert search_key("Đồng Hòa") == "dong hoa"


def test_vietnamese_alphabetical_order() -> None:
    names = ["Đào", "Dũng", "Bình", "Ánh", "Anh", "Ân", "Ăn", "Hương", "Hưng", "Hùng"]
    assert sorted(names, key=sort_key) == [
        "Anh", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đào", "Hùng", "Hưng", "Hương",
    ]


def test_dao_sorts_after_dung() -> None:
    assert sort_key("Đào") > sort_key("Dũng")


def test_numbers_in_names_sort_by_value() -> None:
    names = ["Tổ dân phố số 10", "Tổ dân phố số 2", "Tổ dân phố số 1"]
    assert sorted(names, key=sort_key) == ["Tổ dân phố số 1", "Tổ dân phố số 2", "Tổ dân phố số 10"]


@given(st.text())
def test_clean_is_idempotent_and_nfc(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậ ", max_size=20))
def test_search_key_of_nfd_equals_nfc(text: str) -> None:
    assert search_key(unicodedata.normalize("NFD", text)) == search_key(text)
