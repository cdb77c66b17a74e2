// A minimal SCORM 1.2 LMS for the end-to-end tests: scorm-again's runtime as window.API, the course
// read from the package's imsmanifest.xml, and each item's data kept between launches as an LMS
// keeps it (an exit of "suspend" makes the next entry "resume").
(() => {
  const COURSE = '/course/';
  const kept = {};

  async function readManifest() {
    const text = await (await fetch(`${COURSE}imsmanifest.xml`)).text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const resources = new Map(
      [...doc.getElementsByTagName('resource')].map((r) => [
        r.getAttribute('identifier'),
        r.getAttribute('href'),
      ]),
    );
    return [...doc.getElementsByTagName('item')].map((item) => ({
      id: item.getAttribute('identifier'),
      href: resources.get(item.getAttribute('identifierref')),
      parameters: item.getAttribute('parameters') ?? '',
      masteryScore: item.getElementsByTagNameNS('*', 'masteryscore')[0]?.textContent ?? '',
    }));
  }

  function startRuntime(item) {
    const api = new window.Scorm12API({ autocommit: false, logLevel: 4 });
    const cmi = structuredClone(kept[item.id] ?? {});
    cmi.core = cmi.core ?? {};
    cmi.core.entry = cmi.core.exit === 'suspend' ? 'resume' : cmi.core.lesson_status ? '' : 'ab-initio';
    delete cmi.core.exit;
    delete cmi.core.session_time;
    cmi.core.student_id = 'trainee-042';
    cmi.core.student_name = 'Diallo, Aminata';
    cmi.core.credit = 'credit';
    cmi.core.lesson_mode = 'normal';
    cmi.student_data = { ...(cmi.student_data ?? {}), mastery_score: item.masteryScore };
    api.loadFromJSON(cmi, '');
    window.API = api;
  }

  const frame = () => document.getElementById('sco');

  window.lms = {
    /** Launches an item of the course in the frame, with the data kept from its last launch. */
    async launch(itemId) {
      const item = (await readManifest()).find((i) => i.id === itemId);
      if (!item) throw new Error(`no item ${itemId} in imsmanifest.xml`);
      startRuntime(item);
      frame().src = `${COURSE}${item.href}${item.parameters}`;
      return `${item.href}${item.parameters}`;
    },
    /** The learner leaves the item: its page unloads, and the LMS keeps what the runtime holds. */
    async close(itemId) {
      const unloaded = new Promise((resolve) => frame().addEventListener('load', resolve, { once: true }));
      frame().src = 'about:blank';
      await unloaded;
      kept[itemId] = JSON.parse(JSON.stringify(window.API.cmi));
      return window.API.isTerminated();
    },
    /** What the runtime holds now (write-only elements included, as the LMS stores them). */
    cmi: () => JSON.parse(JSON.stringify(window.API.cmi)),
    terminated: () => window.API.isTerminated(),
  };
})();
