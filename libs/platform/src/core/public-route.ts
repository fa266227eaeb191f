import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sanshen:public';

/** The route needs no sign-in (login, refresh, health, metrics, docs, the public portal). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
