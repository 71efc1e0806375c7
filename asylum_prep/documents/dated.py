"""The declaration's sentences that carry a date, each in the four wordings its date may need.

An exact day reads "on 3 May 2022", a month or a year "in October 2022", "in 1990", and an
approximate date "on or about 3 May 2022", "in or about 1990" (the attorney's idiom). Every
language words each of the four as a whole sentence (French "le" / "en" / "vers le" / "vers",
Russian "в течение" and "около" with the month in the genitive); `Answers.dated` picks one.
"""

from __future__ import annotations

from asylum_prep.documents.answers import Dated
from asylum_prep.errors import N_

BORN_IN = Dated(
    N_("I was born on {date} in {place}."),
    N_("I was born in {date} in {place}."),
    N_("I was born on or about {date} in {place}."),
    N_("I was born in or about {date} in {place}."),
)
BORN = Dated(
    N_("I was born on {date}."),
    N_("I was born in {date}."),
    N_("I was born on or about {date}."),
    N_("I was born in or about {date}."),
)
JOINED = Dated(
    N_("I became a member of {organisation} on {date}."),
    N_("I became a member of {organisation} in {date}."),
    N_("I became a member of {organisation} on or about {date}."),
    N_("I became a member of {organisation} in or about {date}."),
)
MEMBERSHIP_ENDED = Dated(
    N_("My membership ended on {date}."),
    N_("My membership ended in {date}."),
    N_("My membership ended on or about {date}."),
    N_("My membership ended in or about {date}."),
)
ON_IN = Dated(
    N_("On {date}, in {place}:"),
    N_("In {date}, in {place}:"),
    N_("On or about {date}, in {place}:"),
    N_("In or about {date}, in {place}:"),
)
ON = Dated(
    N_("On {date}:"),
    N_("In {date}:"),
    N_("On or about {date}:"),
    N_("In or about {date}:"),
)
HAPPENED_IN = Dated(
    N_("On {date}, in {place}, the following happened:"),
    N_("In {date}, in {place}, the following happened:"),
    N_("On or about {date}, in {place}, the following happened:"),
    N_("In or about {date}, in {place}, the following happened:"),
)
HAPPENED = Dated(
    N_("On {date}, the following happened:"),
    N_("In {date}, the following happened:"),
    N_("On or about {date}, the following happened:"),
    N_("In or about {date}, the following happened:"),
)
HAPPENED_TO = Dated(
    N_("What happened to {person} on {date}:"),
    N_("What happened to {person} in {date}:"),
    N_("What happened to {person} on or about {date}:"),
    N_("What happened to {person} in or about {date}:"),
)
TARGETED = Dated(
    N_("Why I believe they targeted me on {date}:"),
    N_("Why I believe they targeted me in {date}:"),
    N_("Why I believe they targeted me on or about {date}:"),
    N_("Why I believe they targeted me in or about {date}:"),
)
LEFT_COUNTRY_FROM = Dated(
    N_("I left my country on {date}, from {place}."),
    N_("I left my country in {date}, from {place}."),
    N_("I left my country on or about {date}, from {place}."),
    N_("I left my country in or about {date}, from {place}."),
)
LEFT_COUNTRY = Dated(
    N_("I left my country on {date}."),
    N_("I left my country in {date}."),
    N_("I left my country on or about {date}."),
    N_("I left my country in or about {date}."),
)
ARRIVED_THERE = Dated(
    N_("I arrived there on {date}."),
    N_("I arrived there in {date}."),
    N_("I arrived there on or about {date}."),
    N_("I arrived there in or about {date}."),
)
LEFT_THERE = Dated(
    N_("I left there on {date}."),
    N_("I left there in {date}."),
    N_("I left there on or about {date}."),
    N_("I left there in or about {date}."),
)
ARRIVED_IN = Dated(
    N_("I arrived in {place} on {date}."),
    N_("I arrived in {place} in {date}."),
    N_("I arrived in {place} on or about {date}."),
    N_("I arrived in {place} in or about {date}."),
)
ARRIVED = Dated(
    N_("I arrived on {date}."),
    N_("I arrived in {date}."),
    N_("I arrived on or about {date}."),
    N_("I arrived in or about {date}."),
)
LEFT_PLACE = Dated(
    N_("I left {place} on {date}."),
    N_("I left {place} in {date}."),
    N_("I left {place} on or about {date}."),
    N_("I left {place} in or about {date}."),
)
LEFT = Dated(
    N_("I left on {date}."),
    N_("I left in {date}."),
    N_("I left on or about {date}."),
    N_("I left in or about {date}."),
)
