/** Solid tag colours with white text, each at least 4.5:1 (WCAG AA); antd's light presets are not. */
export const TAG = {
  danger: '#b3261e',
  warning: '#8a4b00',
  info: '#0b57d0',
  success: '#1e6b2a',
  neutral: '#595959',
} as const;
