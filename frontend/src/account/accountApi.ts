import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api/http';
import type { ChangePasswordRequest, UpdateProfileRequest, UserProfile, WithdrawRequest } from '../shared/api/schemas';

export function useProfile() {
  return useQuery({ queryKey: ['me'], queryFn: ({ signal }) => api<UserProfile>('/users/me', { signal }) });
}

export const updateProfile = (request: UpdateProfileRequest) => api<UserProfile>('/users/me', { method: 'PATCH', body: request });
export const changePassword = (request: ChangePasswordRequest) => api<void>('/users/me/password', { method: 'PUT', body: request });
export const withdraw = (request: WithdrawRequest) => api<void>('/users/me', { method: 'DELETE', body: request });
