"""Official documents (văn bản hành chính) laid out as Nghị định 30/2020/NĐ-CP prescribes.

The window and the command line use :mod:`desktop.documents.ops` through the door: issuing a
document (a number of the register, :mod:`~desktop.documents.register`) and saving the page layout
are changes; a draft, the register and a reprint are reads. Underneath,
``service.prepare(session, request)`` fills a kind's template from ``forms/`` (the kinds are named in
:mod:`~desktop.documents.kinds`) and :mod:`~desktop.documents.renderer` lays it out as PDF with
reportlab. Every figure is worded by :mod:`desktop.text.wording`. No Qt in this package.
"""
