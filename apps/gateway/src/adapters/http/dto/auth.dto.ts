import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'gx_drafter' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;

  @ApiPropertyOptional({ description: 'true: a browser console — the session in HttpOnly cookies, the CSRF token in the answer (docs/identity.md)' })
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'absent for a cookie session (the refresh cookie and X-CSRF-Token)' })
  @IsOptional()
  @IsString()
  // Any string is judged as a token: the wrong kind (an access token) is 401 like every token fault.
  @Length(1, 4096)
  refreshToken?: string;
}
