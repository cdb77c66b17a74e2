// why: `pocsim package` builds with these defined (src/cli/package-command.ts); ordinary builds leave
// them undefined, so the LMS code in src/main.tsx is dropped from the bundle.
interface ImportMetaEnv {
  /** The LMS standard a package reports to. */
  readonly VITE_POCSIM_LMS?: 'cmi5' | 'scorm12';
  /** The package's main language, the app's default when the LMS gives none. */
  readonly VITE_POCSIM_LANG?: string;
}
