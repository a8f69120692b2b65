/**
 * The identifiers every government site shows in its footer, and their formats: the ICP filing
 * number (京ICP备12345678号-1), the public security filing number (京公网安备 11010502012345号,
 * whose 14-digit number opens its record page) and the 10-character 网站标识码.
 */

/** ICP备案号: one-character province, 8 digits, optional "-n" site suffix. */
export const ICP_RE = /^[\u4e00-\u9fa5]ICP备\d{8}号(?:-\d{1,3})?$/;

/** 公安机关备案号: one-character province, 公网安备, optional space, 14 digits, 号. */
export const PSB_RE = /^[\u4e00-\u9fa5]公网安备 ?(\d{14})号$/;

/** 网站标识码: 10 digits or letters. */
export const SITE_CODE_RE = /^[0-9A-Za-z]{10}$/;

/** Where the ICP number links: the MIIT filing system, as the filing rules require. */
export const ICP_RECORD_URL = 'https://beian.miit.gov.cn/';

/** The record page of a 公安机关备案号 (its 14-digit number in the query), or undefined if malformed. */
export function psbRecordUrl(psb: string): string | undefined {
  const number = PSB_RE.exec(psb.trim())?.[1];
  return number ? `https://beian.mps.gov.cn/#/query/webSearch?code=${number}` : undefined;
}
