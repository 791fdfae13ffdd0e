#!/usr/bin/env bash
# Type Chinese into the frozen app through fcitx5, as a writer on UOS/Kylin would.
#
#   bash scripts/check_chinese_input.sh [BUNDLE]      (default: dist/fanwen)
#
# Starts an X server, a D-Bus session and fcitx5 with pinyin, exports what a Chinese desktop
# exports (QT_IM_MODULE=fcitx, XMODIFIERS=@im=fcitx), opens the frozen app, types "nihao" and a
# space into the focused field with the input method on, and reads the field back through the
# clipboard: it must say 你好. Proves the bundle's runtime hook (packaging/hooks/) routes fcitx
# to Qt's ibus plugin. Needs (Debian): fcitx5 fcitx5-chinese-addons dbus-x11 xvfb xauth
# xdotool xclip. Everything runs in a temporary home; every process started is ended by its id.
set -euo pipefail
bundle=$(realpath "${1:-dist/fanwen}")
[ -x "$bundle/fanwen" ] || { echo "check_chinese_input: no $bundle/fanwen" >&2; exit 2; }

if [ -z "${CHECK_CHINESE_INPUT_INNER:-}" ]; then
  work=$(mktemp -d)
  # the inner run has ended every process it started; a leftover file must not fail the check
  trap 'rm -rf "$work" 2>/dev/null || true' EXIT
  mkdir -p "$work/home/.config/fcitx5" "$work/run"
  chmod 700 "$work/run"
  cat > "$work/home/.config/fcitx5/profile" <<'PROFILE'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
PROFILE
  env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_RUNTIME_DIR="$work/run" LANG=C.UTF-8 \
    CHECK_CHINESE_INPUT_INNER="$work" xvfb-run -a -s "-screen 0 1280x800x24" \
    bash "$0" "$bundle"
  exit $?
fi

work=$CHECK_CHINESE_INPUT_INNER
eval "$(dbus-launch --sh-syntax)"
pids=("$DBUS_SESSION_BUS_PID")
# End every process started here, newest first, and wait until each is gone (then SIGKILL):
# fcitx5 still writes ~/.config/ibus while it shuts down, and the temporary home is removed next.
cleanup() {
  local status=$? i pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  return "$status"
}
trap cleanup EXIT

fcitx5 --replace > "$work/fcitx5.log" 2>&1 &
pids+=($!)
# fcitx5 is up when it owns its D-Bus name
for _ in $(seq 1 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.ListNames 2>/dev/null | grep -q '"org.freedesktop.portal.IBus"' && break
  sleep 0.1
done

QT_IM_MODULE=fcitx XMODIFIERS=@im=fcitx GTK_IM_MODULE=fcitx FANWEN_HOME="$work/fanwen-home" \
  "$bundle/fanwen" > "$work/app.log" 2>&1 &
app=$!
pids+=("$app")
window=""
for _ in $(seq 1 100); do
  window=$(xdotool search --pid "$app" --name "范文填写助手" 2>/dev/null | head -n1 || true)
  [ -n "$window" ] && break
  sleep 0.1
done
[ -n "$window" ] || { echo "check_chinese_input: the window did not open" >&2; exit 1; }
sleep 1
xdotool windowfocus --sync "$window"
xdotool key ctrl+a BackSpace
sleep 0.5
xdotool key ctrl+space   # the input method on, as a writer switches to Chinese
sleep 0.5
xdotool type --delay 120 "nihao"
sleep 0.5
xdotool key space        # the first candidate: 你好
sleep 0.5
xdotool key ctrl+a ctrl+c
sleep 0.5
typed=$(xclip -o -selection clipboard 2>/dev/null || true)
if [ "$typed" != "你好" ]; then
  echo "check_chinese_input: FAILED: the field says '$typed', expected 你好" >&2
  tail -n 5 "$work/fcitx5.log" >&2
  exit 1
fi
echo "check_chinese_input: typed 你好 through fcitx5 pinyin into the frozen app"
