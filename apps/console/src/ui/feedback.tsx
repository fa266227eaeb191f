import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

const MessageContext = createContext<MessageInstance | null>(null);

/** Toasts (message) in the theme and locale of the console; lighter than antd's App (no modal). */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <MessageContext value={api}>
      {holder}
      {children}
    </MessageContext>
  );
}

export function useMessage(): MessageInstance {
  const api = useContext(MessageContext);
  if (api === null) throw new Error('useMessage outside FeedbackProvider');
  return api;
}
