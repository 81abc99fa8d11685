"""Official documents (văn bản hành chính) laid out as Nghị định 30/2020/NĐ-CP prescribes.

``service.render(session, DocumentRequest(...))`` → PDF bytes. Templates live in ``forms/``; the
reportlab renderer is in :mod:`desktop.documents.renderer`. No Qt in this package.
"""
