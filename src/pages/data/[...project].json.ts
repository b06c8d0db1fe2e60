import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { jsonResponse } from '../../data/links';
import { projectDataPath } from '../../data/records';
import { siteData } from '../../data/site-data';
import { loadModel } from '../../model/load';

/** Each project as its own JSON file, at a URL that mirrors its page: /data/<department>/<year>/<slug>.json. */
export const getStaticPaths = (async () => {
  const model = await loadModel();
  return model.projects.map((project) => ({
    params: { project: projectDataPath(project).replace(/^data\//, '').replace(/\.json$/, '') },
    props: { id: project.key },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props, site }) => jsonResponse((await siteData(site)).byId.get(props.id)!);
