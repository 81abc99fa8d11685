"""Tiền thưởng of an award: the form's coefficient × mức lương cơ sở, rounded as the decree says.

The coefficients are data of each form (``AwardForm.bonus_individual_permille`` /
``bonus_collective_permille``, in thousandths: 150 = 0,15 lần), the base salary a setting
(``WardSettings.base_salary``); both have editable defaults. The amount after the multiplication
is rounded up to the tens of thousands of đồng ("làm tròn số lên hàng chục nghìn đồng",
Nghị định 91/2017/NĐ-CP Điều 68 khoản 2, carried into the later decrees), so that every printed
amount is a whole figure and the list adds up to the total of the decision.
"""

from __future__ import annotations

from sqlmodel import Session

from desktop.decisions.errors import DecisionError
from desktop.models import AwardForm, Dossier

ROUND_TO = 10_000  # đồng: hàng chục nghìn


def bonus_amount(permille: int, base_salary: int) -> int:
    """``permille``/1000 × ``base_salary``, rounded up to the tens of thousands (đồng)."""
    if permille <= 0 or base_salary <= 0:
        return 0
    raw = permille * base_salary  # thousandths of a đồng: exact, no floating point
    step = ROUND_TO * 1000
    return -(-raw // step) * ROUND_TO


def coefficient_of(form: AwardForm, collective: bool) -> int:
    """The form's coefficient (thousandths) for a collective or for an individual."""
    return form.bonus_collective_permille if collective else form.bonus_individual_permille


def bonus_of(session: Session, dossier_id: int, base_salary: int) -> int:
    """The tiền thưởng of a dossier's award for its nominee, on ``base_salary`` (đồng)."""
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise DecisionError(f"Không tìm thấy hồ sơ số {dossier_id}.")
    form = session.get(AwardForm, dossier.award_form_id)
    if form is None:
        raise DecisionError(f"Hồ sơ số {dossier_id} không có hình thức khen thưởng.")
    return bonus_amount(coefficient_of(form, dossier.nominee_person_id is None), base_salary)


def coefficient_text(permille: int) -> str:
    """150 → "0,15"; 300 → "0,3"; 1000 → "1"."""
    whole, rest = divmod(permille, 1000)
    return f"{whole},{rest:03d}".rstrip("0").rstrip(",")


