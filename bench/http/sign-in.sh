# Sourced by the signed-in benchmarks: signs in through the practice's own form, as a browser does.
# Needs HOST (the practice's Host header), BASE (the portal's address) and PASSWORD.

sign_in() { # cookie-jar email
  local jar="$1" email="$2" token
  token="$(curl -fs -c "$jar" -b "$jar" -H "Host: $HOST" "$BASE/account/signin" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -fs -o /dev/null -c "$jar" -b "$jar" -H "Host: $HOST" \
    --data-urlencode "Email=$email" --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token" \
    "$BASE/account/signin"
  # The page after signing in reads the sign-in's one-time message and deletes its cookie, as in a browser.
  curl -fs -o /dev/null -c "$jar" -b "$jar" -H "Host: $HOST" "$BASE/"
}
