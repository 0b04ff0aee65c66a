#!/usr/bin/env bash
# Cost of one WorkingCalendar.DueDate computation (Platform.Calendar), Release build:
# first call in the process, first call in a year not yet cached, and warm cache (ns/op).
#   bash bench/calendar/run.sh [calls]      (default 5,000,000 warm calls)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dotnet build Calendar.Bench.csproj -c Release -nologo -v q >/dev/null
dotnet bin/Release/net10.0/Calendar.Bench.dll "$@"
