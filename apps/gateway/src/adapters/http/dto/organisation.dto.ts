import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ROLES } from '@sanshen/kernel';
import type { Role } from '@sanshen/kernel';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { AGENCY_CODE_PATTERN, USERNAME_PATTERN } from '../../../use-cases/identity-rules.js';
import { PageQueryDto } from './page-query.dto.js';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateAgencyDto {
  @ApiProperty({ example: 'gx', description: 'lowercase letters, digits, _ and -, starting with a letter, ≤ 32' })
  @IsString()
  @Matches(AGENCY_CODE_PATTERN)
  code!: string;

  @ApiProperty({ example: '海东市工业和信息化局' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'gx_admin', description: 'the first admin: 3–64 letters, digits, _ . -' })
  @IsString()
  @Matches(USERNAME_PATTERN)
  adminUsername!: string;

  @ApiProperty({ example: '系统管理员' })
  @IsString()
  @Length(1, 64)
  adminDisplayName!: string;
}

export class CreateDepartmentDto {
  @ApiProperty({ example: '政策法规科' })
  @IsString()
  @Length(1, 64)
  name!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'gx_li', description: '3–64 letters, digits, _ . -' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/)
  username!: string;

  @ApiProperty({ example: '李明' })
  @IsString()
  @Length(1, 64)
  displayName!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiProperty({ description: '≥ 12 characters, 3 of 4 character classes, not containing the username' })
  @IsString()
  @Length(1, 256)
  password!: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'departments a deputy oversees', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  oversees?: string[];
}

export class ListUsersQueryDto {
  @ApiPropertyOptional({ description: 'only users locked out (true) or not (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  locked?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  cursor?: string;
}

export class ChangeRolesDto {
  @ApiProperty({ enum: ['grant', 'revoke'] })
  @IsIn(['grant', 'revoke'])
  action!: 'grant' | 'revoke';

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class OversightDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  departmentIds!: string[];
}

export class ResetPasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class ChangeOwnPasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 256)
  oldPassword!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  newPassword!: string;
}

export class AuditPageQueryDto extends PageQueryDto {
  /** The identity audit trail pages by entry id. */
  @Matches(/^[0-9]{1,19}$/)
  declare cursor?: string;
}
