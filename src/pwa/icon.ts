/** The pocsim shield, as the favicon shows it; the web manifest's icon (written into the build). */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b2a45"/><path d="M16 4l10 3.8v7.6c0 6-4.2 10.6-10 12.2C10.2 26 6 21.4 6 15.4V7.8z" fill="#0077c8"/></svg>
`;
