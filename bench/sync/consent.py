#!/usr/bin/env python3
"""Reads the consent page (HTML) on stdin and prints the form's fields with the Approve button's value,
URL-encoded, for curl --data @-: what a person's browser sends when they press Approve."""
import html
import re
import sys
import urllib.parse

page = sys.stdin.read()
form = re.search(r'<form[^>]*data-testid="consent-form"[^>]*>(.*?)</form>', page, re.S)
if not form:
    sys.exit("no consent form on the page (not signed in, or the link was refused)")
fields = [(html.unescape(n), html.unescape(v)) for n, v in re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]*)"[^>]*value="([^"]*)"', form.group(1))]
fields += re.findall(r'<input[^>]*name="(__RequestVerificationToken)"[^>]*value="([^"]*)"', form.group(1))
button = re.search(r'<button[^>]*name="([^"]*)"[^>]*value="([^"]*)"[^>]*data-testid="consent-approve"', form.group(1))
if not button:
    sys.exit("no Approve button on the consent page")
fields.append((html.unescape(button.group(1)), html.unescape(button.group(2))))
print(urllib.parse.urlencode(fields))
