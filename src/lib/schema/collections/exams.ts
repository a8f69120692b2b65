import { z } from 'astro/zod';
import { label, text, questionFields, refineQuestion, type SchemaHelpers } from '../fields.ts';

/** The exams collection's schema. */
export function examsSchema<R extends z.ZodType, I extends z.ZodType>({ ref }: SchemaHelpers<R, I>) {
  return z
    .strictObject({
      // Exam title.
      title: label(text(), '考试名称', '例如 新任工作人员上岗培训结业考试'),
      // The course it examines.
      course: label(ref('courses'), '所属课程', '本考试对应的课程'),
      // How many questions each attempt draws from the bank.
      draw: label(z.number().int().min(1, '至少抽 1 题'), '每次抽题数', '每次考试从题库随机抽取的题数'),
      // Pass mark in percent.
      passMark: label(z.number().min(0).max(100), '及格分（百分制）', '例如 60'),
      // Time limit in minutes; none when empty.
      timeLimit: label(z.number().int().positive().optional(), '限时（分钟）', '可不填，不填则不限时'),
      // The question bank; each question names the lesson of this course that teaches it.
      questions: label(
        z
          .array(
            label(
              questionFields
                .extend({
                  // The lesson that teaches it; a wrong answer links there.
                  lesson: label(ref('lessons'), '出自课时', '讲授这道题内容的课时（必须属于本课程），答错时引导学员重读'),
                })
                .superRefine(refineQuestion),
              '题目',
              '一道题',
            ),
          )
          .min(1, '题库不能为空'),
        '题库',
        '本课程的考试题库',
      ),
    })
    .superRefine((e, ctx) => {
      if (!Array.isArray(e.questions)) return;
      if (e.draw > e.questions.length) {
        ctx.addIssue({ code: 'custom', path: ['draw'], message: `抽题数 ${e.draw} 多于题库题数 ${e.questions.length}` });
      }
    });
}
