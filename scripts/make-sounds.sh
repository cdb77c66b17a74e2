#!/usr/bin/env bash
# Regenerates assets/sounds/{radio,alert}.{ogg,mp3} from nothing but sox synthesis, so the files
# are reproducible and carry no third-party recordings. Needs: sox with ogg and mp3 support
# (Debian: apt-get install -y sox libsox-fmt-all).
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/sounds
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# -R: repeatable (fixed seed for noise and dither); mono, 22.05 kHz is plenty for a radio band.
sx() { sox -R -V1 "$@"; }
rate=(-r 22050 -c 1 -b 16)

# --- radio: squelch click, a short burst of crackling static, a two-tone "roger" beep, tail click.
sx -n "${rate[@]}" "$tmp/click.wav"  synth 0.025 whitenoise vol 0.9 fade q 0.001 0.025 0.02
sx -n "${rate[@]}" "$tmp/static.wav" synth 0.38 whitenoise band 1700 1400 tremolo 27 70 vol 0.55 fade q 0.01 0.38 0.12
sx -n "${rate[@]}" "$tmp/gap.wav"    trim 0 0.06
sx -n "${rate[@]}" "$tmp/tone1.wav"  synth 0.11 sine 1250 vol 0.45 fade q 0.005 0.11 0.01
sx -n "${rate[@]}" "$tmp/tone2.wav"  synth 0.13 sine 880 vol 0.45 fade q 0.005 0.13 0.02
sx -n "${rate[@]}" "$tmp/short.wav"  trim 0 0.025
sx -n "${rate[@]}" "$tmp/tail.wav"   synth 0.09 whitenoise band 2000 1500 vol 0.5 fade q 0.002 0.09 0.07
sx "$tmp/click.wav" "$tmp/static.wav" "$tmp/gap.wav" "$tmp/tone1.wav" "$tmp/short.wav" "$tmp/tone2.wav" \
  "$tmp/gap.wav" "$tmp/tail.wav" "$tmp/radio.wav" sinc 300-3400 gain -n -3

# --- alert: two soft, rising beeps; short so it informs without startling.
sx -n "${rate[@]}" "$tmp/b1.wav"  synth 0.12 sine 740 vol 0.5 fade h 0.012 0.12 0.04
sx -n "${rate[@]}" "$tmp/b2.wav"  synth 0.14 sine 988 vol 0.5 fade h 0.012 0.14 0.06
sx -n "${rate[@]}" "$tmp/gap2.wav" trim 0 0.08
sx "$tmp/b1.wav" "$tmp/gap2.wav" "$tmp/b2.wav" "$tmp/alert.wav" gain -n -6

# --- ambience loops (12 s, looped quietly under a run); each fades in and out over 1 s so the
# loop point does not click. crowd: many distant voices (pink noise in the speech band, with a slow
# uneven swell); rural: wind (brown noise, low, slowly gusting); town: traffic hum and distant engines.
amb=(-r 16000 -c 1 -b 16)
sx -n "${amb[@]}" "$tmp/crowd.wav" synth 12 pinknoise band 600 500 tremolo 0.35 40 tremolo 3.1 25 vol 0.5 fade q 1 12 1
sx -n "${amb[@]}" "$tmp/rural.wav" synth 12 brownnoise lowpass 500 tremolo 0.12 60 vol 0.6 fade q 1 12 1
sx -n "${amb[@]}" "$tmp/town.wav"  synth 12 brownnoise lowpass 900 synth 12 sine mix 70 tremolo 0.2 30 vol 0.45 fade q 1 12 1
for a in crowd rural town; do
  sx "$tmp/$a.wav" --comment "" -C 24 "$out/ambience-$a.mp3"
done

for cue in radio alert; do
  sx "$tmp/$cue.wav" --comment "" -C 1 "$out/$cue.ogg"
  sx "$tmp/$cue.wav" --comment "" -C 40 "$out/$cue.mp3"
done
for f in "$out"/*.ogg "$out"/*.mp3; do
  printf '%s\t%s bytes\t%s s\n' "$f" "$(stat -c %s "$f")" "$(soxi -D "$f")"
done
