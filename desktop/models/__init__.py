"""The data model of ThiĐua as SQLModel tables (no Qt).

Importing this package registers every table on ``SQLModel.metadata``; the Alembic revisions under
``desktop/storage/migrations`` create and upgrade the same schema on disk.
"""

from desktop.models.audit import AuditEntry
from desktop.models.awards import (
    AwardCategory,
    AwardCriterion,
    AwardForm,
    Campaign,
    CampaignKind,
    DossierComponent,
    NomineeKind,
)
from desktop.models.catalogue import ContentArea, Milestone
from desktop.models.council import (
    CouncilAttendance,
    CouncilMeeting,
    CouncilMember,
    CouncilRole,
    CouncilVote,
)
from desktop.models.decisions import Authority, AwardDecision, CertificateEntry, SubmissionItem
from desktop.models.documents import IssuedDocument, ReportDirection
from desktop.models.dossiers import (
    Attachment,
    Dossier,
    DossierComponentCheck,
    DossierCriterionCheck,
    DossierEvent,
    DossierStatus,
    PriorAward,
)
from desktop.models.indicators import (
    Comparison,
    Indicator,
    IndicatorTarget,
    QuarterLock,
    QuarterValue,
    ValueKind,
)
from desktop.models.movement import (
    Activity,
    ActivityKind,
    ActivityUnit,
    Commitment,
    DossierInitiative,
    Initiative,
    InitiativeKind,
    InitiativePerson,
    RecognitionLevel,
)
from desktop.models.register import Gender, Person, Unit, UnitKind
from desktop.models.settings import Setting

__all__ = [
    "Activity",
    "ActivityKind",
    "ActivityUnit",
    "Commitment",
    "DossierInitiative",
    "Initiative",
    "InitiativeKind",
    "InitiativePerson",
    "RecognitionLevel",
    "Attachment",
    "AuditEntry",
    "Authority",
    "AwardDecision",
    "CertificateEntry",
    "CouncilAttendance",
    "CouncilMeeting",
    "CouncilMember",
    "CouncilRole",
    "CouncilVote",
    "AwardCategory",
    "AwardCriterion",
    "AwardForm",
    "Campaign",
    "CampaignKind",
    "Comparison",
    "ContentArea",
    "Dossier",
    "DossierComponent",
    "DossierComponentCheck",
    "DossierCriterionCheck",
    "DossierEvent",
    "DossierStatus",
    "Gender",
    "Indicator",
    "IndicatorTarget",
    "IssuedDocument",
    "ReportDirection",
    "Milestone",
    "NomineeKind",
    "Person",
    "PriorAward",
    "QuarterLock",
    "QuarterValue",
    "Setting",
    "SubmissionItem",
    "Unit",
    "UnitKind",
    "ValueKind",
]
