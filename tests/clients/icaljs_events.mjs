// Reads .ics files the way Thunderbird and Nextcloud do (ical.js) and prints each event's start and end as
// UTC instants, so a Python test can compare them with what icalendar reads. Usage: node icaljs_events.mjs FILE...
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const out = {};
for (const path of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const events = {};
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    const instant = (time) =>
      time.isDate ? time.toString() : new Date(time.toUnixTime() * 1000).toISOString();
    events[event.uid] = {
      start: instant(event.startDate),
      end: event.endDate ? instant(event.endDate) : null,
      summary: event.summary,
    };
  }
  out[path] = events;
}
process.stdout.write(JSON.stringify(out));
